import { applyDecorators, type Type } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiProperty, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ErrorReply } from './error-reply.dto.js';
import { PUBLIC_CACHE, PUBLIC_MAX_AGE_SECONDS } from './http-caching.js';

/**
 * OpenAPI helpers for replies, so each route states its answers in a line or two. Error responses all
 * use the one `ErrorReply` schema; `src/openapi/openapi-document.ts` adds the answers every route of a
 * kind can give (503, body-parser 400/413/415, 404 for an id) and the schema to any error response
 * declared without one.
 */

/** What each error status means across the API; the route adds its own codes with `ApiError`. */
export const ERROR_MEANINGS: Record<number, string> = {
  400: '`VALIDATION_FAILED` (details: one entry per field) or `MALFORMED_JSON`',
  401: '`UNAUTHENTICATED`: no access token, or an invalid or expired one',
  403: '`FORBIDDEN`: your role may not do this',
  404: '`NOT_FOUND`: no such object, or not one you may see',
  409: '`INVALID_STATE_TRANSITION`: the object is not in a state that allows this',
  413: '`PAYLOAD_TOO_LARGE`: the body is larger than 1 MiB',
  415: '`UNSUPPORTED_MEDIA_TYPE`: a body encoding or content type the route does not take',
  422: 'a business rule refuses the request',
  429: 'rate limited: wait for `Retry-After` seconds',
  503: '`DATABASE_UNAVAILABLE`: the database does not answer; retry after `Retry-After` seconds',
};

export const RETRY_AFTER_HEADER = {
  'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
};

const errorResponse = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    type: ErrorReply,
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER_HEADER } : {}),
  });

/** Error answers with their usual meaning: `@ApiErrors(400, 404)`. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(...statuses.map((status) => errorResponse(status, ERROR_MEANINGS[status] ?? 'see `code`')));

/** One error status with the codes this route answers it with: `@ApiError(409, 'CARD_ALREADY_HELD', 'INVALID_STATE_TRANSITION')`. */
export const ApiError = (status: number, ...codes: string[]) =>
  errorResponse(status, codes.map((c) => c.replace(/^([A-Z0-9_]+)\b/, '`$1`')).join('; or '));

/**
 * Marks a public route in the document: `security: [{}]`, "no credentials", which the document
 * builder writes as `security: []`. With `optionalBearer`, a token is taken when sent (the reply may
 * show more) but not required: `security: [{}, { bearer: [] }]`.
 */
export const ApiNoAuth = (opts: { optionalBearer?: boolean } = {}) =>
  opts.optionalBearer ? applyDecorators(ApiSecurity('bearer'), ApiSecurity({})) : ApiSecurity({});

/**
 * A public answer anonymous readers (no token) may cache (http-caching.ts): it carries an `ETag` and
 * `Cache-Control: public, max-age=30`; sent again with that tag in `If-None-Match`, it is 304 with no body.
 */
export const ApiCacheable = () =>
  applyDecorators(
    RouteConfig(PUBLIC_CACHE),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'the `ETag` of an answer already held (anonymous readers only)',
    }),
    ApiResponse({
      status: 304,
      description: `Not Modified: the answer is still the one of this \`ETag\` (anonymous readers; answers may be kept for ${PUBLIC_MAX_AGE_SECONDS} s)`,
    }),
  );

/** The list envelope of the contract, `{ items, page, pageSize, total }`, as a named schema per item type. */
export function PageOf<T>(
  item: Type<T>,
  name = `${item.name.replace(/(Reply|Dto)$/, '')}Page`,
): Type<{ items: T[]; page: number; pageSize: number; total: number }> {
  class PageReply {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
    page: number;

    @ApiProperty({ type: 'integer', minimum: 1, maximum: 100, example: 20 })
    pageSize: number;

    @ApiProperty({ type: 'integer', minimum: 0, example: 57, description: 'items matching, over every page' })
    total: number;
  }
  Object.defineProperty(PageReply, 'name', { value: name });
  return PageReply;
}
