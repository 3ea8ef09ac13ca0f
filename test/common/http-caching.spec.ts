import Fastify, { type FastifyInstance } from 'fastify';
import zlib from 'node:zlib';
import { CompressedAnswers } from '../../src/common/http/compression';
import { BROWSER_CACHE, holdsFormToken, httpCachingHook } from '../../src/common/http/http-caching';

/**
 * Decision 131, on a bare Fastify with the service's caching hook: a console page (BROWSER_CACHE) is kept
 * like a public answer only while it holds no form token of its browser and sets no cookie.
 */
describe('httpCachingHook: console pages with and without a form token', () => {
  let app: FastifyInstance;
  const answers = new CompressedAnswers();
  const page = `<!doctype html><p>${'Lowongan kerja di Palembang. '.repeat(100)}</p>`;

  beforeAll(async () => {
    app = Fastify();
    app.addHook('onSend', httpCachingHook(answers));
    const html = { 'content-type': 'text/html; charset=utf-8' };
    app.get('/same', { config: BROWSER_CACHE }, async (_req, reply) => reply.headers(html).send(page));
    app.get('/token', { config: BROWSER_CACHE }, async (_req, reply) => {
      holdsFormToken(reply);
      return reply.headers(html).send(page.replace('Lowongan', 'Formulir'));
    });
    app.get('/cookie', { config: BROWSER_CACHE }, async (_req, reply) =>
      reply.headers({ ...html, 'set-cookie': 'ak1_csrf=abc; Path=/' }).send(page),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('keeps a page without a token like a public answer, compressed once', async () => {
    const first = await app.inject({ url: '/same', headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
    expect(first.headers.vary).toBe('Cookie, Accept-Encoding');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(first.rawPayload).toString()).toBe(page);
    const before = { ...answers.stats };
    const second = await app.inject({ url: '/same', headers: { 'accept-encoding': 'gzip' } });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(answers.stats.reused).toBe(before.reused + 1);
    const again = await app.inject({ url: '/same', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('keeps a page holding its browser’s token, or setting a cookie, to that browser alone', async () => {
    for (const url of ['/token', '/cookie']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect({ url, cache: res.headers['cache-control'] }).toEqual({ url, cache: 'private, no-cache' });
      // Not from the kept bytes: this hook leaves it as it is (the compression plugin compresses it).
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.etag).toBeDefined();
    }
  });

  it('adds nothing for a signed-in reader', async () => {
    const res = await app.inject({ url: '/same', headers: { authorization: 'Bearer x' } });
    expect(res.headers['cache-control']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    const session = await app.inject({ url: '/same', headers: { cookie: 'ak1_session=s' } });
    expect(session.headers.etag).toBeUndefined();
  });
});
