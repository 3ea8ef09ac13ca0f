import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HttpRequest } from './http.js';

/** The caller's address as Fastify resolves it (honours TRUST_PROXY). */
export const ClientAddress = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<HttpRequest>();
  return req.ip || req.socket?.remoteAddress || 'unknown';
});
