import fastifyCookie from '@fastify/cookie';
import type { HttpReply } from '../../common/http/http.js';

/**
 * The request's cookies, read by @fastify/cookie's parser when a console route asks (the plugin does
 * not parse them on every request: the API never reads a cookie).
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  return header ? fastifyCookie.parse(header) : {};
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds?: number;
  /** Narrower than `/` for a cookie only one route reads (the known-device cookie: the sign-in form). */
  path?: string;
}

/**
 * Every console cookie is httpOnly, SameSite=Lax, path / (unless narrower), and Secure outside
 * development and test.
 */
export function setCookie(res: HttpReply, name: string, value: string, opts: CookieOptions): void {
  res.setCookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: opts.path ?? '/',
    ...(opts.maxAgeSeconds === undefined ? {} : { maxAge: opts.maxAgeSeconds }),
  });
}

export function clearCookie(res: HttpReply, name: string, opts: CookieOptions): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/' });
}
