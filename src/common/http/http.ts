import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The HTTP request and reply every controller, guard and filter of this app sees (Nest on Fastify).
 * One name for them keeps the framework's types out of the features and in this folder.
 */
export type HttpRequest = FastifyRequest<{
  // Bodies and queries are checked by the route's DTO (the validation pipe), not typed here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  Body: Record<string, any> | undefined;
  Querystring: Record<string, unknown>;
}> & { user?: unknown };
export type HttpReply = FastifyReply;

/** The path of a request, without its query string. */
export function requestPath(req: { url: string }): string {
  const q = req.url.indexOf('?');
  return q < 0 ? req.url : req.url.slice(0, q);
}

/** The route pattern a request matched (`/api/v1/cards/:id`), or null for an address no route claims. */
export function routeOf(req: FastifyRequest | undefined): string | null {
  return req?.routeOptions?.url ?? null;
}

/** Scheme and host of this request, as the client addressed it (honours TRUST_PROXY). */
export function requestOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host || 'localhost'}`;
}
