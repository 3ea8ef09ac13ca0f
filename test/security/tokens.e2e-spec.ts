import { createHmac, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';
import { login, makeOfficer, type Session } from '../support/factories';
import { expectErrorShape } from './world';

const b64url = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');

/** A compact JWS signed with HMAC-SHA(256|384|512) by hand, so every header and claim is ours to choose. */
function hmacJwt(
  header: object,
  payload: object,
  secret: string,
  hash: 'sha256' | 'sha384' | 'sha512' = 'sha256',
): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/**
 * Access tokens are HS256 JWTs pinned to our issuer, audience and expiry; refresh tokens are opaque,
 * single-use and rotate within a family. Each forged or misused token must get 401 UNAUTHENTICATED.
 */
describe('security: tokens', () => {
  let t: TestApp;
  let officer: Session;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    claims = JSON.parse(Buffer.from(officer.token.split('.')[1], 'base64url').toString());
  });
  afterAll(() => t.close());

  const now = () => Math.floor(Date.now() / 1000);
  /** Valid claims of the officer with a fresh expiry; override to break one thing at a time. */
  const good = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    ...claims,
    iat: now(),
    exp: now() + 600,
    ...over,
  });
  const secret = () => t.config.jwt.secret;

  async function expectRefused(token: string) {
    const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expectErrorShape(res);
  }

  it('accepts a token made by hand the way the service makes them (control for the cases below)', async () => {
    const token = hmacJwt({ alg: 'HS256', typ: 'JWT' }, good(), secret());
    const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body).toMatchObject({ id: officer.userId, role: 'officer' });
  });

  it('refuses alg "none" (unsigned), in any spelling', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      await expectRefused(`${b64url({ alg, typ: 'JWT' })}.${b64url(good())}.`);
      await expectRefused(`${b64url({ alg, typ: 'JWT' })}.${b64url(good())}`);
    }
  });

  it('refuses a wrong signature and a payload changed after signing', async () => {
    const token = hmacJwt({ alg: 'HS256', typ: 'JWT' }, good(), secret());
    const [h, p, s] = token.split('.');
    await expectRefused(`${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`);
    // Promote a seeker's token to officer by editing its payload: the signature no longer matches.
    await expectRefused(`${h}.${b64url(good({ role: 'officer', sub: 'someone-else' }))}.${s}`);
  });

  it('refuses an HS256 token signed with another secret', async () => {
    await expectRefused(
      hmacJwt({ alg: 'HS256', typ: 'JWT' }, good(), 'another-secret-of-sufficient-length-1234567890'),
    );
  });

  it('refuses other algorithms, even with the right secret (the algorithm is pinned to HS256)', async () => {
    await expectRefused(hmacJwt({ alg: 'HS512', typ: 'JWT' }, good(), secret(), 'sha512'));
    await expectRefused(hmacJwt({ alg: 'HS384', typ: 'JWT' }, good(), secret(), 'sha384'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const input = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(good())}`;
    await expectRefused(`${input}.${rsaSign('sha256', Buffer.from(input), privateKey).toString('base64url')}`);
  });

  it('refuses an expired token, and one without an expiry', async () => {
    await expectRefused(
      hmacJwt({ alg: 'HS256', typ: 'JWT' }, good({ iat: now() - 7200, exp: now() - 3600 }), secret()),
    );
    const { exp: _exp, ...noExpiry } = good();
    // jsonwebtoken accepts a token without exp; the strategy refuses it (ours always carry one).
    await expectRefused(hmacJwt({ alg: 'HS256', typ: 'JWT' }, noExpiry, secret()));
  });

  it('refuses a wrong audience and a wrong issuer', async () => {
    await expectRefused(hmacJwt({ alg: 'HS256', typ: 'JWT' }, good({ aud: 'some-other-service' }), secret()));
    await expectRefused(hmacJwt({ alg: 'HS256', typ: 'JWT' }, good({ iss: 'https://evil.example' }), secret()));
    const { aud: _aud, iss: _iss, ...bare } = good();
    await expectRefused(hmacJwt({ alg: 'HS256', typ: 'JWT' }, bare, secret()));
  });

  it('refuses a refresh token used as an access token, and an access token used as a refresh token', async () => {
    const s = await login(t, officer.email);
    await expectRefused(s.refreshToken);
    const res = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.token });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'INVALID_REFRESH_TOKEN' });
    expectErrorShape(res);
  });

  it('refuses malformed Authorization headers', async () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      `Basic ${officer.token}`,
      `bearer${officer.token}`,
      `Bearer ${officer.token}.extra`,
      'Bearer a.b.c',
      `Bearer ${'a'.repeat(9000)}`,
    ]) {
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', header);
      expect(res.status).toBe(401);
      expectErrorShape(res);
    }
  });

  it('rotates refresh tokens; reusing a rotated one revokes the whole family', async () => {
    const first = await login(t, officer.email);
    const second = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    const third = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(200);

    // The first token was rotated: presenting it again is a replay (stolen token) ...
    const replay = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expectErrorShape(replay);
    // ... so the newest token of that family stops working too, for the thief and the owner alike.
    const afterReuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: third.body.refreshToken });
    expect(afterReuse.status).toBe(401);

    // Another sign-in of the same user (another family) is untouched.
    const other = await login(t, officer.email);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('a logged-out refresh token no longer refreshes', async () => {
    const s = await login(t, officer.email);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
    expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });
});
