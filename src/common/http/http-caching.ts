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
/**
 * Console pages anonymous readers see. One that holds no form token of its browser (holdsFormToken) is the
 * same for every anonymous reader of that language and is cached like a public answer; one that holds a
 * token only by the browser (decision 131).
 */
export const BROWSER_CACHE = { cache: 'browser' } as const;

/** Replies whose page handed its browser a form token (the console's guard marks them). */
const withFormToken = new WeakSet<object>();

/** Marks a reply as holding a form token of its browser: never cached beyond that browser. */
export function holdsFormToken(reply: object): void {
  withFormToken.add(reply);
}

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
 * version (If-None-Match) gets 304 and no body. Public answers, and console pages that hold no form
 * token of their browser, may be kept by proxies for PUBLIC_MAX_AGE_SECONDS; other console pages only by
 * the browser, which asks again each time (`no-cache`) and is answered 304 when nothing changed.
 * Signed-in readers keep `no-store` / no caching at all. A shared answer leaves compressed from
 * `answers`, which keeps each version's bytes.
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
  // A console page that holds no token of its browser, and sets no cookie, is the same for every anonymous
  // reader of its language (the cookie it varies by): kept like a public answer (decision 131).
  const shared = mode === 'public' || (!withFormToken.has(reply) && !reply.hasHeader('Set-Cookie'));
  const etag = etagOf(payload);
  reply.header('ETag', etag);
  reply.header(
    'Cache-Control',
    shared
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
  // An answer that is the same for every reader is compressed once per version and its bytes kept
  // (decision 128). A console page holding its browser's form token is like no other: the plugin
  // compresses it as it is sent.
  return shared ? answers.encode(req, reply, etag, payload) : payload;
}
