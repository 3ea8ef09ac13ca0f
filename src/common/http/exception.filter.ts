import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { HttpReply, HttpRequest } from './http.js';
import { routeOf } from './http.js';
import { DomainError } from '../domain-error.js';
import { requestContext } from '../request-context.js';
import { MAX_FORM_FIELDS, MAX_JSON_DEPTH } from './hostile-input.js';

const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Authentication is required: send a valid access token.',
  403: 'You are not allowed to do this.',
  404: 'The requested resource was not found.',
  500: 'Something went wrong on our side. The error has been logged.',
  503: 'The service is temporarily unavailable. Please try again shortly.',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown[];
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** True for errors that mean the database could not be reached (not a bad query). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string } | null;
  if (!e) return false;
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'PROTOCOL_CONNECTION_LOST',
    'ETIMEDOUT',
    'EPIPE',
    'ER_CON_COUNT_ERROR',
    'ENOTFOUND',
  ];
  if (e.code && codes.includes(e.code)) return true;
  const driverError = (err as { driverError?: unknown }).driverError;
  if (driverError && driverError !== err) return isDatabaseUnavailable(driverError);
  return /connect ECONNREFUSED|Connection lost|Pool is closed|Can't add new command when connection is in closed state/i.test(
    e.message ?? '',
  );
}

/** Fastify's (and its plugins') refusals of a request body, named as body-parser named them. */
function fastifyErrorType(err: unknown): string | undefined {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE') return 'entity.too.large';
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return 'entity.parse.failed';
  return undefined;
}

/** Any other 4xx of Fastify or its plugins (`FST_…` codes): that status, in the contract's shape. */
function fastifyClientError(err: unknown): number | null {
  const e = err as { code?: unknown; statusCode?: unknown } | null;
  if (typeof e?.code !== 'string' || !e.code.startsWith('FST_')) return null;
  const status = typeof e.statusCode === 'number' ? e.statusCode : 400;
  return status >= 400 && status < 500 ? status : null;
}

/** Builds the contract's error body from anything thrown. Never leaks a stack trace or SQL. */
export function toErrorBody(err: unknown): { body: ErrorBody; headers?: Record<string, string> } {
  if (err instanceof DomainError) {
    const body: ErrorBody = {
      statusCode: err.status,
      error: reasonPhrase(err.status),
      code: err.code,
      message: err.message,
    };
    if (err.details && err.details.length > 0) body.details = err.details;
    return { body, headers: err.headers };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    let message = DEFAULT_MESSAGES[status] ?? err.message;
    if (status !== 401 && status !== 403 && typeof response === 'object' && response && 'message' in response) {
      const m = (response as { message: unknown }).message;
      if (typeof m === 'string') message = m;
    }
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(err.message)) message = DEFAULT_MESSAGES[404];
    return {
      body: { statusCode: status, error: reasonPhrase(status), code: DEFAULT_CODES[status] ?? 'ERROR', message },
    };
  }
  const parserType = (err as { type?: string } | null)?.type ?? fastifyErrorType(err);
  if (parserType === 'entity.parse.failed') {
    return {
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON.',
      },
    };
  }
  if (parserType === 'entity.too.large') {
    return {
      body: {
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is larger than allowed (1 MiB).',
      },
    };
  }
  // Refused before parsing (hostile-input.ts, body-parser's parameterLimit): valid syntax, input the API never takes.
  if (parserType === 'entity.too.deep') {
    return {
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
        details: [
          { field: 'body', messages: [`body must not nest arrays or objects more than ${MAX_JSON_DEPTH} levels deep`] },
        ],
      },
    };
  }
  if (parserType === 'parameters.too.many') {
    return {
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: `The form has too many fields (at most ${MAX_FORM_FIELDS}).`,
        details: [{ field: 'body', messages: [`a form may have at most ${MAX_FORM_FIELDS} fields`] }],
      },
    };
  }
  if (parserType === 'encoding.unsupported' || parserType === 'charset.unsupported') {
    return {
      body: {
        statusCode: 415,
        error: 'Unsupported Media Type',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The request body encoding is not supported.',
      },
    };
  }
  const fastifyStatus = fastifyClientError(err);
  if (fastifyStatus) {
    return {
      body: {
        statusCode: fastifyStatus,
        error: reasonPhrase(fastifyStatus),
        code: DEFAULT_CODES[fastifyStatus] ?? 'BAD_REQUEST',
        message:
          fastifyStatus === 415
            ? 'The request body has a content type this address does not take.'
            : 'The request could not be read.',
      },
    };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'DATABASE_UNAVAILABLE',
        message: DEFAULT_MESSAGES[503],
      },
      headers: { 'Retry-After': '5' },
    };
  }
  return {
    body: { statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL_ERROR', message: DEFAULT_MESSAGES[500] },
  };
}

/** The one exception filter: every error leaves the service in the contract's shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<HttpReply>();
    const req = host.switchToHttp().getRequest<HttpRequest | undefined>();
    // Answered 503 while the database hung (stalled-requests.ts); what the handler did later is moot.
    if (res.sent && (req?.context?.abandoned || requestContext.getStore()?.abandoned)) return;
    const { body, headers } = toErrorBody(exception);
    if (body.statusCode >= 500) {
      // Log the cause for operators; the reply stays generic. Messages of driver errors may hold SQL
      // but never bound parameter values, so personal data does not reach the log.
      const e = exception as Error;
      this.logger.error(
        JSON.stringify({
          reqId: req?.id,
          route: routeOf(req),
          error: e?.name,
          message: e?.message?.slice(0, 500),
          stack: e?.stack?.split('\n').slice(0, 6).join(' | '),
        }),
      );
    }
    if (res.sent) return;
    if (res.raw.headersSent) {
      res.raw.end();
      return;
    }
    for (const [k, v] of Object.entries(headers ?? {})) res.header(k, v);
    res.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
