import type { Response } from 'express';

/** The request's cookies (no cookie-parser in this app: the header is small and simple to read). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!(name in out)) {
      try {
        out[name] = decodeURIComponent(value);
      } catch {
        out[name] = value;
      }
    }
  }
  return out;
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
export function setCookie(res: Response, name: string, value: string, opts: CookieOptions): void {
  res.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: opts.path ?? '/',
    ...(opts.maxAgeSeconds === undefined ? {} : { maxAge: opts.maxAgeSeconds * 1000 }),
  });
}

export function clearCookie(res: Response, name: string, opts: CookieOptions): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/' });
}
