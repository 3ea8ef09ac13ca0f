import { startApp, type TestApp } from '../support/app';

describe('health, docs and the error shape', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: '3', LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000' });
  });
  afterAll(() => t.close());

  describe('health and docs', () => {
    it('reports the database up', async () => {
      const res = await t.http.get('/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', db: 'up', search: 'disabled' });
    });

    it('answers liveness and readiness', async () => {
      expect((await t.http.get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
      expect((await t.http.get('/health/ready').expect(200)).body).toEqual({
        status: 'ready',
        db: 'up',
        migrations: 'applied',
      });
    });

    it('serves an OpenAPI document listing every route', async () => {
      const res = await t.http.get('/docs-json').expect(200);
      const paths = Object.keys(res.body.paths);
      for (const p of [
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/auth/logout',
        '/api/v1/auth/me',
        '/api/v1/auth/register/employer',
        '/api/v1/officers',
        '/api/v1/employers',
        '/api/v1/employers/{id}',
        '/api/v1/employers/{id}/verify',
        '/api/v1/employers/{id}/reject',
        '/api/v1/employers/{id}/suspend',
        '/api/v1/employers/{id}/reinstate',
        '/api/v1/employers/me/staff',
        '/health',
        '/api/v1/audit-events',
      ]) {
        expect(paths).toContain(p);
      }
    });
  });

  describe('error shape', () => {
    it('answers malformed JSON with MALFORMED_JSON', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email": ')
        .expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'MALFORMED_JSON',
        message: expect.any(String),
      });
    });

    it('takes only an object or an array as a JSON body: a bare string, number or null is MALFORMED_JSON', async () => {
      for (const body of ['"text"', '42', 'null', ' true ']) {
        const res = await t.http.patch('/api/v1/seekers/me').set('Content-Type', 'application/json').send(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('MALFORMED_JSON');
      }
    });

    it('answers a body over 1 MiB with 413', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'a@b.c', password: 'x'.repeat(1_100_000) })
        .expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.body.statusCode).toBe(413);
    });

    it('rejects unknown fields as VALIDATION_FAILED with details', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'a@b.c', password: 'abcdefghijk', role: 'officer' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([
        { field: 'role', messages: [expect.stringContaining('not an allowed field')] },
      ]);
    });

    it('answers a missing token with 401 UNAUTHENTICATED and a bad one likewise', async () => {
      expect((await t.http.get('/api/v1/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', 'Bearer nonsense').expect(401)).body.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('answers an unknown route with 404 NOT_FOUND in the same shape', async () => {
      const res = await t.http.get('/api/v1/nothing-here').expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: expect.any(String) });
    });
  });
});
