import { RequestMethod, type INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { toErrorBody } from './common/http/exception.filter.js';
import { checkJsonBody, MAX_FORM_FIELDS } from './common/http/hostile-input.js';
import { createValidationPipe } from './common/http/validation.js';
import type { JsonLogger } from './common/logger.js';
import { requestContext } from './common/request-context.js';
import type { AppConfig } from './config/config.js';
import { StalledRequests } from './database/stalled-requests.js';
import { CONSOLE_PREFIX_EXCLUDES } from './console/console-routes.js';
import { ConsoleNotFoundFilter } from './console/http/not-found.filter.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';

export const API_PREFIX = 'api/v1';
const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Everything HTTP that surrounds the routes: body limits and parse errors in the contract's shape,
 * request ids and JSON access logs, the /api/v1 prefix, validation, and the OpenAPI document.
 * Shared by main.ts and the tests so both run the same app.
 */
export function configureApp(app: INestApplication, config: AppConfig, logger: JsonLogger | null): void {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  if (config.trustProxy) http.set('trust proxy', config.trustProxy === 'true' ? true : config.trustProxy);

  // Request id and access log. Only the route path is logged, never the query string or body.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const id = incoming && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger?.request({
        reqId: id,
        method: req.method,
        route:
          (req.route as { path?: string } | undefined)?.path ?? req.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id'),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: (req as { user?: { id?: string } }).user?.id,
      });
    });
    requestContext.run({ requestId: id }, next);
  });
  // While the database hangs, answer 503 within seconds instead of waiting for as long as it lasts.
  app.use(app.get(StalledRequests).middleware());
  // Pages, CSS, JS, JSON and CSV leave gzip- or brotli-compressed for clients that accept it (above
  // 1 KB). Express middleware for now; under Fastify, @fastify/compress (docs/decisions.md).
  app.use(compression());

  // `verify` sees the raw bytes before JSON.parse: nesting deeper than 32 is refused there (400) in one
  // linear pass, instead of blocking the event loop in the parser and the recursive validation after it.
  app.use(
    express.json({ limit: '1mb', strict: true, verify: (_req, _res, buf, charset) => checkJsonBody(buf, charset) }),
  );
  app.use(express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' }));
  // More fields than that is a 400 in the contract's shape (exception.filter.ts), not body-parser's bare 413.
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: MAX_FORM_FIELDS }));
  // Body-parser failures happen before Nest's filters; answer them in the same shape.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { body, headers } = toErrorBody(err);
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(body.statusCode).json(body);
  });

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'api/v1/health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: '.well-known/jwks.json', method: RequestMethod.GET },
      ...CONSOLE_PREFIX_EXCLUDES,
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  // Unknown addresses outside /api/v1 get the console's 404 page; the API's keep the JSON 404.
  app.useGlobalFilters(app.get(ConsoleNotFoundFilter));
  // Signals are handled by main.ts (enableGracefulShutdown): drain requests first, then exit 0.

  if (config.docsEnabled) serveApiDocs(app);
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
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  return createOpenApiDocument(app);
}

/** The OpenAPI document at /docs-json and its UI at /docs (DOCS_ENABLED; off by default in production). */
function serveApiDocs(app: INestApplication): void {
  const doc = buildApiDocument(app);
  // The OpenAPI UI is a page like any other: it may not be framed, and runs only its own scripts.
  app.use(['/docs', '/docs-json'], (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
}
