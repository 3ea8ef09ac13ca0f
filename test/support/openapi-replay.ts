import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * Replays the suite's real traffic against the OpenAPI document (docs/decisions.md, "The OpenAPI
 * document is checked against real traffic"). Installed by test/support/app.ts in front of every test
 * app: each reply of a documented operation is checked against the document, and each accepted
 * request against what the document says the operation takes. Violations fail the test that made them.
 */

export interface Violation {
  /** `POST /api/v1/cards/{id}/reports` */
  operation: string;
  /** The request as sent: `POST /api/v1/cards/6f…/reports?x=1` */
  request: string;
  status: number;
  problem: string;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  op: Record<string, unknown> & {
    operationId?: string;
    responses?: Record<string, ResponseDoc>;
    requestBody?: RequestBodyDoc;
    parameters?: ParameterDoc[];
  };
}
interface MediaDoc {
  schema?: unknown;
}
interface ResponseDoc {
  content?: Record<string, MediaDoc>;
}
interface RequestBodyDoc {
  required?: boolean;
  content?: Record<string, MediaDoc>;
}
interface ParameterDoc {
  name: string;
  in: string;
  required?: boolean;
}

/** One finished exchange, as the recorder saw it. */
export interface Exchange {
  method: string;
  url: string;
  /** Express's route path (`/api/v1/cards/:id`) when a route matched. */
  routePath?: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  requestBody: unknown;
  status: number;
  contentType: string;
  /** The reply's text when it is JSON (other media types are not kept). */
  body: string | null;
  bodyBytes: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DOC_ID = 'openapi.json';
const REQUEST_DOC_ID = 'openapi-requests.json';
const MAX_CAPTURE = 8 * 1024 * 1024;

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes "or null", refs point into the document,
 * examples go. For replies, objects with `properties` allow no other property unless they say so
 * (`additionalProperties`): a field the code sends but the document does not name is drift too.
 */
function toJsonSchema(schema: unknown, closeObjects: boolean, docId = closeObjects ? DOC_ID : REQUEST_DOC_ID): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, closeObjects, docId));
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') return { $ref: `${docId}${s.$ref}` };
  const { nullable, example: _example, examples: _examples, ...rest } = s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, p]) => [name, toJsonSchema(p, closeObjects, docId)]));
    } else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && v && typeof v === 'object') {
      out[k] = toJsonSchema(v, closeObjects, docId);
    } else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
      out[k] = toJsonSchema(v, closeObjects, docId);
    } else {
      out[k] = v;
    }
  }
  if (closeObjects && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  // An anyOf over null and the real schema reports both branches; the null branch says nothing useful.
  const useful = (errors ?? []).filter(
    (e) => !(e.keyword === 'type' && e.params.type === 'null') && e.keyword !== 'anyOf',
  );
  return useful.slice(0, 8).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)})`
        : '';
    const allowed =
      e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
    return `${where}${e.instancePath || '/'} ${e.message}${extra}${allowed}`;
  });
}

export class OpenApiReplay {
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly violations: Violation[] = [];
  /** Replies checked against an operation, per `METHOD /template status`. */
  readonly seen = new Map<string, number>();

  constructor(
    private readonly doc: OpenAPIObject,
    private readonly skipOperation: (operationId: string) => boolean = () => false,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('password', true);
    const schemas = Object.fromEntries(
      Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s, true)]),
    );
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas } });
    // Request bodies are checked with open objects (the validation pipe already refuses unknown fields).
    const requestSchemas = Object.fromEntries(
      Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s, false)]),
    );
    this.ajv.addSchema({ $id: REQUEST_DOC_ID, components: { schemas: requestSchemas } });
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = (item as Record<string, unknown>)[method] as Operation['op'] | undefined;
        if (!op) continue;
        const names: string[] = [];
        const source = template
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\{([^}]+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'));
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}/?$`),
          params: names.length,
          op,
        });
      }
    }
    // Literal segments win over parameters (`/employers/me/staff` before `/employers/{id}`).
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** A Fastify onRequest hook: records each exchange and checks it when the reply is finished. */
  hook() {
    return (req: FastifyRequest, reply: FastifyReply, next: HookHandlerDoneFunction) => {
      const res = reply.raw;
      const chunks: Buffer[] = [];
      let bytes = 0;
      const capture = (chunk: unknown, encoding?: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
        const buf = Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
        bytes += buf.length;
        if (/json/i.test(typeOf()) && bytes <= MAX_CAPTURE) chunks.push(buf);
      };
      // Headers given to writeHead (Fastify passes them all there) are not readable with getHeader
      // afterwards unless something had used setHeader first: keep them as they pass.
      const head = new Map<string, string>();
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
      (res as unknown as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
        const headers = args.find((a, i) => i > 0 && a !== null && typeof a === 'object' && !Array.isArray(a));
        if (headers)
          for (const [k, v] of Object.entries(headers as Record<string, unknown>)) head.set(k.toLowerCase(), String(v));
        return writeHead(...args);
      };
      const headerOf = (name: string) => String(res.getHeader(name) ?? head.get(name) ?? '');
      const typeOf = () => headerOf('content-type');
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      // light-my-request's end() (fastify.inject) writes its chunk through write(): count it once.
      let ending = false;
      (res as unknown as { write: unknown }).write = (...args: unknown[]) => {
        if (!ending) capture(args[0], args[1]);
        return write(...args);
      };
      (res as unknown as { end: unknown }).end = (...args: unknown[]) => {
        capture(args[0], args[1]);
        ending = true;
        return end(...args);
      };
      res.on('finish', () => {
        const contentType = typeOf();
        this.check({
          method: req.method,
          url: req.url,
          routePath: req.routeOptions.url,
          requestHeaders: req.headers,
          requestBody: (req as { body?: unknown }).body,
          status: res.statusCode,
          contentType,
          body:
            /json/i.test(contentType) && bytes <= MAX_CAPTURE
              ? decoded(Buffer.concat(chunks), headerOf('content-encoding') || undefined).toString('utf8')
              : null,
          bodyBytes: bytes,
        });
      });
      next();
    };
  }

  /** Takes (and forgets) the violations found so far. */
  drain(): Violation[] {
    return this.violations.splice(0, this.violations.length);
  }

  check(x: Exchange): void {
    const pathname = x.url.split('?')[0];
    const found = this.find(x.method, pathname, x.routePath);
    if (!found) return; // not an API operation: console pages, /docs, unknown paths and methods
    if (found.op.operationId && this.skipOperation(found.op.operationId)) return;
    const operation = `${found.method} ${found.template}`;
    const problems: string[] = [];
    const responses = found.op.responses ?? {};
    const documented = responses[String(x.status)];
    this.seen.set(`${operation} ${x.status}`, (this.seen.get(`${operation} ${x.status}`) ?? 0) + 1);
    if (!documented) {
      problems.push(
        `status ${x.status} is not documented (documented: ${Object.keys(responses).join(', ') || 'none'})`,
      );
    } else {
      problems.push(...this.checkReply(documented, x, found));
    }
    if (x.status >= 200 && x.status < 300) problems.push(...this.checkRequest(found, x));
    for (const problem of problems)
      this.violations.push({ operation, request: `${x.method} ${x.url}`, status: x.status, problem });
  }

  private find(method: string, pathname: string, routePath?: string): Operation | undefined {
    if (routePath) {
      const template = routePath.replace(/:(\w+)/g, '{$1}');
      const byRoute = this.operations.find((o) => o.method === method && o.template === template);
      if (byRoute) return byRoute;
    }
    let path = pathname;
    try {
      path = decodeURI(pathname);
    } catch {
      /* keep it encoded */
    }
    return this.operations.find((o) => o.method === method && (o.pattern.test(pathname) || o.pattern.test(path)));
  }

  private checkReply(documented: ResponseDoc, x: Exchange, found: Operation): string[] {
    const mediaType = x.contentType.split(';')[0].trim().toLowerCase();
    const content = documented.content ?? {};
    if (x.bodyBytes === 0 || x.method === 'HEAD') {
      const json = content['application/json'];
      if (x.method !== 'HEAD' && json?.schema && x.status !== 204)
        return [`the reply has no body; the document promises ${mediaType || 'application/json'}`];
      return [];
    }
    if (Object.keys(content).length === 0)
      return [`the reply has a ${mediaType || 'untyped'} body; the document declares none for ${x.status}`];
    const media = content[mediaType];
    if (!media)
      return [
        `reply content type ${mediaType || '(none)'} is not documented for ${x.status} (documented: ${Object.keys(content).join(', ')})`,
      ];
    if (!/json/.test(mediaType) || !media.schema) return [];
    if (x.body === null) return []; // too large to keep
    let parsed: unknown;
    try {
      parsed = JSON.parse(x.body);
    } catch {
      return ['the reply is not valid JSON'];
    }
    const validate = this.validator(`${found.method} ${found.template} ${x.status} ${mediaType}`, media.schema, true);
    return validate(parsed) ? [] : describeErrors('reply body', validate.errors);
  }

  private checkRequest(found: Operation, x: Exchange): string[] {
    const problems: string[] = [];
    for (const p of found.op.parameters ?? []) {
      if (p.in === 'header' && p.required && x.requestHeaders[p.name.toLowerCase()] === undefined) {
        problems.push(`the request was accepted without header ${p.name}, which the document says is required`);
      }
    }
    const length = Number(x.requestHeaders['content-length'] ?? 0);
    const hasBody = length > 0 || x.requestHeaders['transfer-encoding'] !== undefined;
    const body = found.op.requestBody;
    if (!body) {
      if (hasBody)
        problems.push('the request was accepted with a body, but the document says the operation takes none');
      return problems;
    }
    if (!hasBody) {
      if (body.required)
        problems.push('the request was accepted without a body, but the document says one is required');
      return problems;
    }
    const mediaType = String(x.requestHeaders['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const media = body.content?.[mediaType];
    if (!media) {
      problems.push(
        `request content type ${mediaType || '(none)'} was accepted but is not documented (documented: ${Object.keys(body.content ?? {}).join(', ')})`,
      );
      return problems;
    }
    // An operation that takes no fields does not read its body (the document says so): nothing to check.
    const readsBody =
      !!media.schema && ('$ref' in (media.schema as object) || 'properties' in (media.schema as object));
    if (/json/.test(mediaType) && readsBody && x.requestBody !== undefined) {
      const validate = this.validator(`request ${found.method} ${found.template} ${mediaType}`, media.schema, false);
      if (!validate(x.requestBody)) problems.push(...describeErrors('accepted request body', validate.errors));
    }
    return problems;
  }

  private validator(key: string, schema: unknown, reply: boolean): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      v = this.ajv.compile(toJsonSchema(schema, reply) as object);
      this.compiled.set(key, v);
    }
    return v;
  }
}

/** Violations as one readable message: one line each, grouped by operation. */
export function formatViolations(violations: Violation[]): string {
  const lines = violations.map((v) => `  ${v.operation} → ${v.status}: ${v.problem}\n      (${v.request})`);
  const unique = [...new Set(lines)];
  return `The API answered differently from its OpenAPI document (/docs-json):\n${unique.join('\n')}`;
}

/** A reply body as the handler wrote it: @fastify/compress (http-setup.ts) may have compressed it. */
function decoded(body: Buffer, encoding: unknown): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  return body;
}
