import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { parse as parseQueryString } from 'node:querystring';
import { MAX_BODY_BYTES, parseJsonBody, tooManyFields } from './common/http/body-parsers.js';
import { afterAnswerHook } from './common/http/after-answer.js';
import { httpCachingHook } from './common/http/http-caching.js';
import { COMPRESSION, CompressedAnswers } from './common/http/compression.js';
import { requestPath } from './common/http/http.js';
import { MAX_FORM_FIELDS } from './common/http/hostile-input.js';
import { createValidationPipe } from './common/http/validation.js';
import type { JsonLogger } from './common/logger.js';
import { requestContext, type RequestContext } from './common/request-context.js';
import type { AppConfig } from './config/config.js';
import { ASSETS_DIR } from './console/assets/assets.js';
import { CONSOLE_CSP } from './console/http/respond.js';
import { StalledRequests } from './database/stalled-requests.js';
import { CONSOLE_PREFIX_EXCLUDES } from './console/console-routes.js';
import { ConsoleNotFoundFilter } from './console/http/not-found.filter.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';

export const API_PREFIX = 'api/v1';
const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;
const UUID_RE = /[0-9a-f]{8}-[0-9a-f-]{27}/gi;

declare module 'fastify' {
  interface FastifyRequest {
    /** Per-request facts for the code below the HTTP layer (request-context.ts). */
    context: RequestContext;
  }
}

/** TRUST_PROXY as Fastify takes it: `true`, a number of hops, or addresses / subnets (`loopback`, CIDRs). */
function trustProxyOption(value: string | false): boolean | number | string {
  if (value === false || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The Fastify server's own options: limits, proxies, request ids, and routing as the console's addresses need it. */
export function fastifyOptions(config: AppConfig): ConstructorParameters<typeof FastifyAdapter>[0] {
  return {
    // Nest middleware is not used (everything around the routes is a Fastify hook or plugin), so
    // @fastify/middie and its per-request cost stay out.
    skipMiddie: true,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: trustProxyOption(config.trustProxy),
    logger: false,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    },
    // Addresses were matched as Express did (any case, with or without a trailing slash); printed and
    // bookmarked links keep working.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 200 },
  };
}

/**
 * Everything HTTP that surrounds the routes: body parsers and limits, request ids and JSON access logs,
 * security headers, compression, the console's files, the /api/v1 prefix, validation, and the OpenAPI
 * document. Shared by main.ts and the tests so both run the same app.
 */
export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: JsonLogger | null,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const stalled = app.get(StalledRequests);

  fastify.decorateRequest('context', null as unknown as RequestContext);
  fastify.addHook('onRequest', (req, reply, done) => {
    req.context = { requestId: req.id };
    reply.header('X-Request-Id', req.id);
    stalled.track(req, reply);
    done();
  });
  // The handler (guards, pipes, the route) runs inside the request's context. Bodies are read before
  // this hook, in the socket's own async context, so entering it earlier would not reach the handler.
  fastify.addHook('preHandler', (req, _reply, done) => requestContext.run(req.context, done));
  // Access log: only the route pattern, never the query string or the body.
  if (logger?.logsRequests)
    fastify.addHook('onResponse', (req, reply, done) => {
      logger.request({
        reqId: req.id,
        method: req.method,
        route: req.routeOptions.url ?? requestPath(req).replace(UUID_RE, ':id'),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 1000) / 1000,
        userId: (req as FastifyRequest & { user?: { id?: string } }).user?.id,
      });
      done();
    });
  // Work that must finish before an answer leaves (a console form stores its answer first).
  fastify.addHook('onSend', afterAnswerHook);
  // ETag, 304 and a short Cache-Control for anonymous readers of public answers (http-caching.ts).
  fastify.addHook('onSend', httpCachingHook(new CompressedAnswers()));

  await registerBodyParsers(fastify);
  await fastify.register(fastifyCookie, { hook: false });
  // Security headers by helmet, its middleware built once here. (@fastify/helmet builds it again on
  // every request: ~12 µs each, a few per cent of a card validation; docs/decisions.md.)
  const securityHeaders = helmet({
    // The console's policy: this origin's files only, no inline script, never framed.
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.env === 'production' ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  // Its headers do not depend on the request: they are taken once and each answer gets the same set.
  const headers = fixedHeadersOf(securityHeaders);
  fastify.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Pages, CSS, JS, JSON and CSV leave brotli- or gzip-compressed for clients that accept them (above
  // 1 KB), with the settings of compression.ts; public answers with an ETag arrive already compressed.
  await fastify.register(fastifyCompress, {
    global: true,
    threshold: COMPRESSION.threshold,
    encodings: COMPRESSION.encodings,
    brotliOptions: COMPRESSION.brotliOptions,
  });
  await fastify.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    wildcard: false,
    allowedPath: (path) => /^\/[a-z]+\.(css|js|svg|png)$/.test(path),
    index: false,
    cacheControl: false,
    // Versioned URLs (?v=hash) never change content, so browsers may keep them for a year.
    setHeaders: (reply: FastifyReply) => {
      const versioned = /[?&]v=/.test(reply.request.url);
      reply.header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'api/v1/health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: '.well-known/jwks.json', method: RequestMethod.GET },
      { path: '.well-known/card-status', method: RequestMethod.GET },
      ...CONSOLE_PREFIX_EXCLUDES,
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  // Unknown addresses outside /api/v1 get the console's 404 page; the API's keep the JSON 404.
  app.useGlobalFilters(app.get(ConsoleNotFoundFilter));
  // Signals are handled by main.ts (enableGracefulShutdown): drain requests first, then exit 0.

  if (config.docsEnabled) serveApiDocs(app, fastify);
}

/**
 * The headers a helmet middleware sets, taken by running it once against a stand-in response. Helmet's
 * options here (no nonces, no per-request choices) give every answer the same headers; setting them from
 * one object costs a third of running the middleware per request (docs/benchmarks.md).
 */
export function fixedHeadersOf(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
    getHeader: (name: string) => headers[name],
  };
  let outcome: { err: unknown } | null = null;
  middleware({ headers: {} } as never, res as never, (err?: unknown) => (outcome = { err: err ?? null }));
  // Helmet calls back at once; a version that did not would leave the headers unknown here.
  if (outcome === null) throw new Error('helmet did not finish synchronously: its headers cannot be taken once');
  const { err } = outcome as { err: unknown };
  if (err) throw err instanceof Error ? err : new Error(String(err));
  return headers;
}

/**
 * JSON (depth, charset and syntax checked before anything sees it), CSV and plain text, forms (at most
 * MAX_FORM_FIELDS fields), and multipart forms for the console's uploads (read by the route itself).
 * Every refusal leaves in the contract's shape (exception.filter.ts).
 */
async function registerBodyParsers(fastify: FastifyInstance): Promise<void> {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer, req.headers['content-type']));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  // Parsing stops one field past the limit (a body of 100,000 fields costs no more than 1,001); the
  // hook after it refuses such a form. (The plugin's parser may not throw: it has no way to refuse.)
  await fastify.register(fastifyFormbody, {
    parser: (text: string) => parseQueryString(text, '&', '=', { maxKeys: MAX_FORM_FIELDS + 1 }),
  });
  fastify.addHook('preValidation', (req, _reply, done) => {
    const form = req.body;
    const isForm = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    if (isForm && form && typeof form === 'object' && Object.keys(form).length > MAX_FORM_FIELDS) done(tooManyFields());
    else done();
  });
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: MAX_BODY_BYTES, files: 1, fields: 10, fieldSize: MAX_BODY_BYTES, parts: 12 },
  });
}

/**
 * Content-Security-Policy of /docs: Swagger UI's bundle and init script are files of its own origin;
 * its stylesheet is partly inline; "Try it out" calls the API on the same origin.
 */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The OpenAPI document of the app's routes (also written to a file by the OpenAPI lint): src/openapi/openapi-document.ts. */
export function buildApiDocument(app: NestFastifyApplication): OpenAPIObject {
  return createOpenApiDocument(app);
}

/** The OpenAPI document at /docs-json and its UI at /docs (DOCS_ENABLED; off by default in production). */
function serveApiDocs(app: NestFastifyApplication, fastify: FastifyInstance): void {
  const doc = buildApiDocument(app);
  // The OpenAPI UI is a page like any other: it may not be framed, and runs only its own scripts.
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (/^\/docs(-json)?(\/|$)/.test(req.url)) {
      reply.header('Content-Security-Policy', DOCS_CSP);
      reply.header('Referrer-Policy', 'no-referrer');
    }
    done(null, payload);
  });
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
}
