import { startApp, type TestApp } from '../support/app';
import { bearer, login, PASSWORD, registerEmployer, uniq } from '../support/factories';

describe('sign-in, refresh rotation, logout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: '3', LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000' });
  });
  afterAll(() => t.close());

  describe('sign-in, refresh rotation, logout', () => {
    it('signs in, rotates refresh tokens and detects reuse', async () => {
      const e = await registerEmployer(t);
      const me = await t.http.get('/api/v1/auth/me').set(bearer(e)).expect(200);
      expect(me.body).toEqual({
        id: e.userId,
        email: e.email,
        role: 'employer',
        fullName: 'Staf HR',
        employerId: e.employerId,
        emailVerified: false,
      });

      const r1 = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: e.refreshToken }).expect(200);
      expect(r1.body.refreshToken).not.toBe(e.refreshToken);
      expect(r1.body.expiresIn).toBe(900);
      // The rotated token no longer works, and presenting it revokes the whole family.
      expect(
        (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: e.refreshToken }).expect(401)).body.code,
      ).toBe('INVALID_REFRESH_TOKEN');
      expect(
        (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(401)).body.code,
      ).toBe('INVALID_REFRESH_TOKEN');
    });

    it('logout ends the sign-in', async () => {
      const e = await registerEmployer(t);
      await t.http.post('/api/v1/auth/logout').send({ refreshToken: e.refreshToken }).expect(204);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: e.refreshToken }).expect(401);
    });

    it('gives the same 401 for a wrong password and an unknown email', async () => {
      const e = await registerEmployer(t);
      const wrong = await t.http
        .post('/api/v1/auth/login')
        .send({ email: e.email, password: 'not-the-password' })
        .expect(401);
      const unknown = await t.http
        .post('/api/v1/auth/login')
        .send({ email: `${uniq('nobody')}@x.test`, password: 'not-the-password' })
        .expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('limits failed sign-ins per email with 429 and Retry-After, and successes never count', async () => {
      const e = await registerEmployer(t);
      for (let i = 0; i < 5; i++) await login(t, e.email); // successes do not count
      for (let i = 0; i < 3; i++)
        await t.http.post('/api/v1/auth/login').send({ email: e.email, password: 'wrong-password' }).expect(401);
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: e.email, password: 'wrong-password' })
        .expect(429);
      expect(res.body.code).toBe('LOGIN_FAILURE_LIMIT_PER_EMAIL');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Locked even with the right password until the window passes.
      await t.http.post('/api/v1/auth/login').send({ email: e.email, password: PASSWORD }).expect(429);
    });
  });
});
