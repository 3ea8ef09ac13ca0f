import type { FastifyInstance } from 'fastify';
import zlib from 'node:zlib';
import { startApp, type TestApp } from '../support/app';
import { bearer, PASSWORD, postVacancy, registerSeeker, uniq, verifiedEmployer } from '../support/factories';
import { browser, signIn } from '../console/support';

/**
 * Public answers are cacheable for anonymous readers (ETag, 304, a short Cache-Control), and nothing a
 * signed-in reader sees is; the Fastify adapter keeps the console's addresses as Express matched them.
 */
describe('HTTP caching of public answers, and addresses under Fastify', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('the public search: ETag and a short public Cache-Control; the same version again is 304 with no body', async () => {
    const first = await t.http.get('/api/v1/vacancies?pageSize=5');
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
    expect(first.headers.vary).toMatch(/Authorization/);

    const again = await t.http.get('/api/v1/vacancies?pageSize=5').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    // Weak and strong forms of the same tag, and a list, match too.
    const listed = await t.http
      .get('/api/v1/vacancies?pageSize=5')
      .set('If-None-Match', `"other", ${etag.replace(/^W\//, '')}`);
    expect(listed.status).toBe(304);
  });

  it('a change to what the search shows gives a new version: the old tag is answered in full', async () => {
    const employer = await verifiedEmployer(t);
    const before = await t.http.get(`/api/v1/vacancies?employerId=${employer.employerId}`);
    const vacancy = await postVacancy(t, employer, { title: `Kasir ${uniq('cache')}` });
    const after = await t.http
      .get(`/api/v1/vacancies?employerId=${employer.employerId}`)
      .set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.items.map((v: { id: string }) => v.id)).toContain(vacancy.id);

    const one = await t.http.get(`/api/v1/vacancies/${vacancy.id}`);
    expect(one.status).toBe(200);
    expect(one.headers['cache-control']).toMatch(/^public, max-age=30/);
    expect((await t.http.get(`/api/v1/vacancies/${vacancy.id}`).set('If-None-Match', one.headers.etag)).status).toBe(
      304,
    );
    await t.http
      .post(`/api/v1/vacancies/${vacancy.id}/close`)
      .set(bearer(employer))
      .send({ reason: 'Sudah terisi' })
      .expect(200);
    // Closed, it leaves the public's view: the old tag gets the 404, never a 304.
    const closed = await t.http.get(`/api/v1/vacancies/${vacancy.id}`).set('If-None-Match', one.headers.etag);
    expect(closed.status).toBe(404);
    expect(closed.headers['cache-control']).toBeUndefined();
  });

  it('a reader with a token gets no ETag and private, no-store; a 404 or an error is never marked cacheable', async () => {
    const seeker = await registerSeeker(t);
    const res = await t.http.get('/api/v1/vacancies').set(bearer(seeker));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('private, no-store');

    const missing = await t.http.get('/api/v1/vacancies/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
    expect(missing.headers.etag).toBeUndefined();
    const bad = await t.http.get('/api/v1/vacancies?pageSize=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
  });

  it('console pages: kept like public answers while they hold no form token (304 when unchanged); once signed in, never stored', async () => {
    const b = browser(t);
    const page = await b.get('/');
    expect(page.status).toBe(200);
    // Decision 131: an anonymous reader's page holds no token of its browser, so a proxy may keep it too.
    expect(page.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
    expect(page.headers.vary).toBe('Cookie, Accept-Encoding');
    const again = await b.get('/').set('If-None-Match', page.headers.etag);
    expect(again.status).toBe(304);
    for (const path of ['/bantuan', '/privasi'])
      expect((await b.get(path)).headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
    // A page that holds the browser's form token is never kept: the sign-in form.
    expect((await b.get('/masuk')).headers['cache-control']).toBe('no-store');

    const seeker = await registerSeeker(t);
    await signIn(b, seeker.email, PASSWORD);
    const signedIn = await b.get('/').set('If-None-Match', page.headers.etag);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    expect(signedIn.headers.etag).toBeUndefined();
  });

  it('keeps addresses as they were: any case, a trailing slash, versioned files for a year, nothing outside the files', async () => {
    const employer = await verifiedEmployer(t);
    const vacancy = await postVacancy(t, employer);
    expect((await t.http.get(`/lowongan/${vacancy.id}/`)).status).toBe(200);
    expect((await t.http.get(`/LOWONGAN/${vacancy.id}`)).status).toBe(200);
    expect((await t.http.get('/bantuan/')).status).toBe(200);
    expect((await t.http.get('/api/v1/vacancies/')).status).toBe(200);

    const versioned = await t.http.get('/assets/app.js?v=1');
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await t.http.get('/assets/logo.svg');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
    expect((await t.http.get('/assets/logo.svg').set('If-None-Match', plain.headers.etag)).status).toBe(304);
    for (const path of ['/assets/../../package.json', '/assets/%2e%2e/assets.ts', '/assets/assets.ts', '/assets/'])
      expect((await t.http.get(path)).status).toBe(404);
  });

  it('security headers on every answer, API and console alike', async () => {
    for (const path of ['/api/v1/vacancies', '/', '/health/live']) {
      const res = await t.http.get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  describe('public answers compressed once per version (decision 128)', () => {
    const inject = (url: string, headers: Record<string, string>) =>
      (t.app.getHttpAdapter().getInstance() as unknown as FastifyInstance).inject({ method: 'GET', url, headers });
    const url = '/api/v1/vacancies?pageSize=20&sort=newest';
    const unpack: Record<string, (b: Buffer) => Buffer> = {
      br: (b) => zlib.brotliDecompressSync(b),
      gzip: (b) => zlib.gunzipSync(b),
      deflate: (b) => zlib.inflateSync(b),
    };

    beforeAll(async () => {
      // Enough vacancies for an answer above the 1 KB threshold.
      const employer = await verifiedEmployer(t);
      for (let i = 0; i < 4; i++) await postVacancy(t, employer, { title: `Operator Produksi ${uniq('zip')}` });
    });

    it('leaves in the encoding the client prefers, the same bytes each time, decoding to the plain answer', async () => {
      const plain = await inject(url, { 'accept-encoding': 'identity' });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(1024);
      for (const encoding of ['br', 'gzip', 'deflate']) {
        const res = await inject(url, { 'accept-encoding': encoding });
        expect([encoding, res.headers['content-encoding']]).toEqual([encoding, encoding]);
        expect(unpack[encoding](res.rawPayload).equals(plain.rawPayload)).toBe(true);
        expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
        expect(res.headers.etag).toBe(plain.headers.etag);
        expect(String(res.headers.vary)).toMatch(/Accept-Encoding/);
        expect(res.headers['content-type']).toBe(plain.headers['content-type']);
        const again = await inject(url, { 'accept-encoding': encoding });
        expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
      }
      // What a browser sends, with preferences, aliases and refusals.
      const browserLike = await inject(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(browserLike.headers['content-encoding']).toBe('br');
      expect((await inject(url, { 'accept-encoding': 'br;q=0.5, gzip' })).headers['content-encoding']).toBe('gzip');
      expect((await inject(url, { 'accept-encoding': 'x-gzip' })).headers['content-encoding']).toBe('gzip');
      expect((await inject(url, { 'accept-encoding': '*' })).headers['content-encoding']).toBe('gzip');
      const refused = await inject(url, { 'accept-encoding': 'br;q=0, gzip;q=0, deflate;q=0' });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
      const asked = await inject(url, { 'accept-encoding': 'br', 'x-no-compression': '1' });
      expect(asked.headers['content-encoding']).toBeUndefined();
      // The held version is still a 304 with nothing to compress.
      const held = await inject(url, { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) });
      expect(held.statusCode).toBe(304);
      expect(held.rawPayload.length).toBe(0);
    });

    it('a new version is compressed anew; a signed-in reader is compressed too, with no ETag', async () => {
      const before = await inject(url, { 'accept-encoding': 'br' });
      const employer = await verifiedEmployer(t);
      await postVacancy(t, employer, { title: `Operator Gudang ${uniq('zip')}` });
      const after = await inject(url, { 'accept-encoding': 'br' });
      expect(after.headers.etag).not.toBe(before.headers.etag);
      const plain = await inject(url, { 'accept-encoding': 'identity' });
      expect(zlib.brotliDecompressSync(after.rawPayload).equals(plain.rawPayload)).toBe(true);
      const seeker = await registerSeeker(t);
      const signedIn = await inject(url, { 'accept-encoding': 'gzip', authorization: `Bearer ${seeker.token}` });
      expect(signedIn.headers['content-encoding']).toBe('gzip');
      expect(signedIn.headers.etag).toBeUndefined();
      expect(JSON.parse(zlib.gunzipSync(signedIn.rawPayload).toString()).items.length).toBeGreaterThan(0);
    });
  });
});
