/**
 * Checks on request input that come before (and do not depend on) any DTO: pure functions over a raw
 * body or a parsed value, so they move with the app whatever HTTP framework carries it. See
 * docs/security.md, "Findings of the outside audit".
 */

/** No body the API takes nests deeper than a few levels; 32 leaves ample room. */
export const MAX_JSON_DEPTH = 32;

/** A form (application/x-www-form-urlencoded) may carry at most this many fields. */
export const MAX_FORM_FIELDS = 1000;

const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * True when JSON text nests arrays/objects deeper than `max`. One linear pass over the bytes, counting
 * brackets outside strings (a backslash inside a string escapes the next character). It does not check
 * that the text is valid JSON — the parser does that next; it only keeps a hostile body (400,000 nested
 * arrays) from reaching the parser and the recursive code after it.
 *
 * UTF-8 bytes can be scanned directly: every byte of a multi-byte character is ≥ 0x80, so none is
 * mistaken for a bracket, quote or backslash. A string (text decoded from another charset) is scanned
 * as its UTF-8 encoding.
 */
export function jsonDepthExceeds(text: Uint8Array | string, max: number = MAX_JSON_DEPTH): boolean {
  // One monomorphic loop over bytes (a per-character accessor made it several times slower).
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0, n = bytes.length; i < n; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * Keys that name members of Object.prototype (or the prototype chain itself). class-transformer drops
 * them silently, and code that copies bodies into plain objects could be steered by them; no DTO has
 * a field by these names, so they are refused like any unknown field.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** One problem found by `hostileInputIssues`: the dotted path (`company.legalName`, `skills.1`) and why. */
export interface HostileIssue {
  kind: 'forbiddenKey' | 'loneSurrogate';
  field: string;
  message: string;
}

/** A lone (unpaired) UTF-16 surrogate: with the `u` flag a well-formed pair is one code point, not a match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when `s` holds a surrogate code unit that is not half of a pair (not well-formed Unicode). */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** A path made printable: a lone surrogate in a key becomes U+FFFD so the reply itself stays well-formed. */
function printable(path: string): string {
  return hasLoneSurrogate(path) ? path.replace(/[\uD800-\uDFFF]/gu, '\uFFFD') : path;
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/**
 * Every forbidden key (any depth) and every string holding a lone surrogate (values and keys), by
 * path. Iterative, so a value nested however deep cannot exhaust the stack; `root` names a bare
 * string (a single query parameter).
 */
export function hostileInputIssues(value: unknown, root = ''): HostileIssue[] {
  const issues: HostileIssue[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v))
        issues.push({
          kind: 'loneSurrogate',
          field: printable(path),
          message: `${printable(path) || 'the value'} contains an unpaired surrogate (it is not well-formed Unicode text)`,
        });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const field = join(path, key);
        if (FORBIDDEN_KEYS.has(key))
          issues.push({ kind: 'forbiddenKey', field, message: `${field} is not an allowed field` });
        else if (hasLoneSurrogate(key))
          issues.push({
            kind: 'loneSurrogate',
            field: printable(field),
            message: 'field names must be well-formed Unicode text',
          });
        else stack.push([(v as Record<string, unknown>)[key], field]);
      }
    }
  }
  return issues;
}

/** The first forbidden key found (its dotted path), or null. */
export function findForbiddenKey(value: unknown): string | null {
  const issue = hostileInputIssues(value).find((i) => i.kind === 'forbiddenKey');
  return issue?.field ?? null;
}

/**
 * A copy of `value` without forbidden keys and with lone surrogates replaced by U+FFFD: what the DTO
 * is validated against, so its own refusals can be reported in the same answer. (Recursive: it sees
 * only bodies the parser already held to MAX_JSON_DEPTH levels, and flat queries and forms.)
 */
export function withoutHostileInput(value: unknown): unknown {
  if (typeof value === 'string') return printable(value);
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(withoutHostileInput);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      out[printable(key)] = withoutHostileInput((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/** A body refused before it is parsed; `type` is how the parser-error path tells these apart (as body-parser's own errors). */
export class RefusedBody extends Error {
  constructor(
    readonly type: 'entity.too.deep' | 'charset.unsupported',
    message: string,
    readonly status = type === 'charset.unsupported' ? 415 : 400,
  ) {
    super(message);
    this.name = 'RefusedBody';
  }
}

/**
 * Refuses a raw JSON body nested deeper than MAX_JSON_DEPTH, before it is parsed. `charset` is the
 * one the request declared (body-parser lets only utf-* through); non-UTF-8 text is decoded first so
 * the scan sees characters, not bytes, and a charset that cannot be decoded here is refused (415).
 */
export function checkJsonBody(raw: Uint8Array, charset?: string | null): void {
  let text: Uint8Array | string = raw;
  if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    try {
      text = new TextDecoder(charset).decode(raw);
    } catch {
      throw new RefusedBody('charset.unsupported', `unsupported charset "${charset}"`);
    }
  }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw new RefusedBody('entity.too.deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
}
