import { checkJsonBody, MAX_FORM_FIELDS, RefusedBody } from './hostile-input.js';

/** The largest body any route takes: JSON, CSV, a form or an uploaded file. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A parser's refusal, told apart by `type` in exception.filter.ts (as body-parser's errors were). */
export class BodyParseError extends Error {
  constructor(
    readonly type: 'entity.parse.failed' | 'parameters.too.many',
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = 'BodyParseError';
  }
}

export const tooManyFields = () =>
  new BodyParseError('parameters.too.many', `a form may have at most ${MAX_FORM_FIELDS} fields`);

/**
 * A JSON body: only UTF-8/16/32 (anything else is 415), nesting checked on the raw bytes before the
 * parser runs (hostile-input.ts), then JSON.parse of an object or an array (anything else is 400). An empty
 * body is an empty object, as before.
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  if (!charset.startsWith('utf-')) throw new RefusedBody('charset.unsupported', `unsupported charset "${charset}"`);
  checkJsonBody(raw, charset);
  const text = charset === 'utf-8' ? raw.toString('utf8') : new TextDecoder(charset).decode(raw);
  const trimmed = text.trim();
  if (trimmed === '') return {};
  // Only an object or an array, as body-parser's strict mode: a bare string, number or null is no body of ours.
  if (trimmed[0] !== '{' && trimmed[0] !== '[')
    throw new BodyParseError('entity.parse.failed', 'The request body is not valid JSON.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyParseError('entity.parse.failed', 'The request body is not valid JSON.');
  }
}
