import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { CompressedAnswers } from './compression.js';

/**
 * How long a shared cache (a proxy, a CDN) or a browser may keep a public answer before asking again.
 * Short: a vacancy that closes leaves the answers within half a minute.
 */
export const PUBLIC_MAX_AGE_SECONDS = 30;

/**
 * Route config (`@RouteConfig(PUBLIC_CACHE)` of @nestjs/platform-fastify) of answers that are the same
 * for every anonymous reader: the public vacancy search and a vacancy.
 */
export const PUBLIC_CACHE = { cache: 'public' } as const;
/** Console pages anonymous readers see: they hold this browser's form token, so only the browser keeps them. */
export const BROWSER_CACHE = { cache: 'browser' } as const;

/** The console's session cookie (a signed-in reader is never served from a cache). */
const SESSION_COOKIE_RE = /(?:^|;\s*)ak1_session=/;

function anonymous(req: FastifyRequest): boolean {
  return !req.headers.authorization && !SESSION_COOKIE_RE.test(req.headers.cookie ?? '');
}

/** A weak validator of the answer as the handler wrote it (before compression). */
function etagOf(payload: string | Buffer): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes do not matter.
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * onSend hook (http-setup.ts): answers of routes marked PUBLIC_CACHE or BROWSER_CACHE, to a reader
 * without a token or session, get an ETag and a Cache-Control; a request that already holds that
 * version (If-None-Match) gets 304 and no body. Public answers may be kept by proxies for
 * PUBLIC_MAX_AGE_SECONDS; console pages only by the browser, which asks again each time (`no-cache`)
 * and is answered 304 when nothing changed. Signed-in readers keep `no-store` / no caching at all.
 * The anonymous answer leaves compressed from `answers`, which keeps each version's bytes.
 */
export function httpCachingHook(answers: CompressedAnswers) {
  return (
    req: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: Error | null, payload?: unknown) => void,
  ): void => done(null, cachingOf(req, reply, payload, answers));
}

function cachingOf(req: FastifyRequest, reply: FastifyReply, payload: unknown, answers: CompressedAnswers): unknown {
  const mode = (req.routeOptions.config as { cache?: string } | undefined)?.cache;
  if (!mode || (req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (!anonymous(req)) {
    if (mode === 'public') reply.header('Cache-Control', 'private, no-store');
    return payload;
  }
  const etag = etagOf(payload);
  reply.header('ETag', etag);
  reply.header(
    'Cache-Control',
    mode === 'public'
      ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_MAX_AGE_SECONDS}`
      : 'private, no-cache',
  );
  reply.header('Vary', mode === 'public' ? 'Authorization, Accept, Accept-Encoding' : 'Cookie, Accept-Encoding');
  if (matches(req.headers['if-none-match'], etag)) {
    reply.code(304);
    reply.removeHeader('Content-Type');
    reply.removeHeader('Content-Length');
    return '';
  }
  // A public answer is the same for every reader: each version is compressed once and its bytes kept
  // (decision 128). A console page holds its browser's form token, so no two are alike: the plugin
  // compresses those as it sends them.
  return mode === 'public' ? answers.encode(req, reply, etag, payload) : payload;
}
