import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type TestApp } from '../support/app';
import { makeOfficer } from '../support/factories';

const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * An installation started without secrets must not share any with another installation (audit
 * finding: the development JWT secret was a constant in the source, so a token forged with it made
 * anyone an officer of any development install), and /docs is locked down and can be switched off.
 */
describe('security: installation defaults', () => {
  const dirs: string[] = [];
  const apps: TestApp[] = [];
  const install = async (env: Record<string, string> = {}): Promise<TestApp> => {
    const dir = mkdtempSync(join(tmpdir(), 'ak1-install-'));
    dirs.push(dir);
    // JWT_SECRET '' = unset: the installation makes its own.
    const t = await startApp({ DATA_DIR: dir, JWT_SECRET: '', ...env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('gives each installation its own token secret and card-signing key', async () => {
    const a = await install();
    const b = await install();
    expect(a.config.jwt.secret).not.toBe(b.config.jwt.secret);
    expect(a.config.jwt.secret).not.toMatch(/development|change-me/);

    const kid = async (t: TestApp) =>
      (await t.http.get('/.well-known/jwks.json').expect(200)).body.keys[0].kid as string;
    expect(await kid(a)).not.toBe(await kid(b));

    // Passport keeps one strategy per process: the app started last (b) is the one answering tokens.
    const officer = await makeOfficer(b);
    const claims = JSON.parse(Buffer.from(officer.token.split('.')[1], 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const signed = (secret: string) => {
      const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ ...claims, iat: now, exp: now + 600 })}`;
      return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    };
    const me = (token: string) => b.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect((await me(signed(b.config.jwt.secret))).status).toBe(200);
    // The former public constant, and another installation's secret, sign nothing here.
    expect((await me(signed('development-only-jwt-secret-change-me-in-production'))).status).toBe(401);
    expect((await me(signed(a.config.jwt.secret))).status).toBe(401);
  });

  it('serves /docs with a content security policy that forbids framing', async () => {
    const t = await install();
    const page = await t.http.get('/docs/').redirects(1);
    expect(page.status).toBe(200);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const json = await t.http.get('/docs-json').expect(200);
    expect(json.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('serves no /docs with DOCS_ENABLED=false, the API unchanged', async () => {
    const t = await install({ DOCS_ENABLED: 'false' });
    expect((await t.http.get('/docs')).status).toBe(404);
    expect((await t.http.get('/docs-json')).status).toBe(404);
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
