import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';
import { estimatedBits, isWeakSecret, shortestPeriod } from '../../src/config/secret-strength';

const dirs: string[] = [];
/** A data folder of the test's own, so generated secrets never land in the working tree. */
const dataDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ak1-config-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const STRONG = randomBytes(32).toString('base64url');
const KEY = randomBytes(32).toString('hex');

const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('gives development defaults with warnings outside production', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c.db).toEqual({
      type: 'sqlite',
      path: './data/ak1.sqlite',
      url: null,
      replicaUrls: [],
      poolSize: 20,
      reportPoolSize: 4,
    });
    expect(c.port).toBe(3000);
    expect(c.limits.validationsPerMinute).toBe(120);
    expect(c.dataKey).toHaveLength(32);
    expect(c.warnings.join(' ')).toMatch(/JWT_SECRET/);
  });

  it('refuses a wrong DB_TYPE in one sentence', () => {
    expect(errorOf({ DB_TYPE: 'postgres' })).toBe('DB_TYPE must be "sqlite" or "mysql".');
  });

  it('reads the document checklist once: default, either-or, empty for none, unknown types refused', () => {
    const dir = dataDir();
    const base = { DATA_DIR: dir, DB_PATH: join(dir, 'x.sqlite') };
    expect(loadConfig(base).documents).toEqual({
      storageDriver: 'database',
      storagePath: join(dir, 'documents'),
      required: [['KTP'], ['IJAZAH', 'SKL'], ['PAS_FOTO']],
      rejectedRetentionDays: 30,
    });
    expect(loadConfig({ ...base, REQUIRED_DOCUMENTS: ' ktp , ijazah|skl ' }).documents.required).toEqual([
      ['KTP'],
      ['IJAZAH', 'SKL'],
    ]);
    expect(loadConfig({ ...base, REQUIRED_DOCUMENTS: '' }).documents.required).toEqual([]);
    expect(errorOf({ ...base, REQUIRED_DOCUMENTS: 'KTP,PASPOR' })).toMatch(/unknown document type "PASPOR"/);
    expect(errorOf({ ...base, STORAGE_DRIVER: 's3' })).toMatch(/STORAGE_DRIVER must be/);
    const fs = loadConfig({ ...base, STORAGE_DRIVER: 'filesystem', STORAGE_PATH: '/srv/ak1/docs' }).documents;
    expect(fs).toMatchObject({ storageDriver: 'filesystem', storagePath: '/srv/ak1/docs' });
  });

  it('reads REJECTED_DOCUMENT_RETENTION_DAYS in whole days (default 30), refusing what is not', () => {
    const dir = dataDir();
    const base = { DATA_DIR: dir, DB_PATH: join(dir, 'x.sqlite') };
    expect(loadConfig({ ...base, REJECTED_DOCUMENT_RETENTION_DAYS: '7' }).documents.rejectedRetentionDays).toBe(7);
    for (const bad of ['0', '-1', 'abc', '1.5', '99999'])
      expect(errorOf({ ...base, REJECTED_DOCUMENT_RETENTION_DAYS: bad })).toMatch(/REJECTED_DOCUMENT_RETENTION_DAYS/);
  });

  it('requires DB_URL for mysql', () => {
    expect(errorOf({ DB_TYPE: 'mysql' })).toMatch(/DB_URL is not set/);
  });

  it.each([
    [{}, /JWT_SECRET is required in production/],
    [{ JWT_SECRET: 'short', DATA_KEY: KEY, CARD_SIGNING_KEY: 'pem' }, /JWT_SECRET is too weak/],
    [{ JWT_SECRET: 'a'.repeat(32), DATA_KEY: KEY, CARD_SIGNING_KEY: 'pem' }, /JWT_SECRET is too weak/],
    [{ JWT_SECRET: 'password'.repeat(4), DATA_KEY: KEY, CARD_SIGNING_KEY: 'pem' }, /JWT_SECRET is too weak/],
    [
      { JWT_SECRET: 'abcdefghijklmnopqrstuvwxyz012345', DATA_KEY: KEY, CARD_SIGNING_KEY: 'pem' },
      /JWT_SECRET is too weak/,
    ],
    [{ JWT_SECRET: STRONG }, /DATA_KEY is required in production/],
    [{ JWT_SECRET: STRONG, DATA_KEY: '00'.repeat(32), CARD_SIGNING_KEY: 'pem' }, /DATA_KEY is too weak/],
    [{ JWT_SECRET: STRONG, DATA_KEY: '0123456789abcdef'.repeat(4), CARD_SIGNING_KEY: 'pem' }, /DATA_KEY is too weak/],
    [{ JWT_SECRET: STRONG, DATA_KEY: 'abc', CARD_SIGNING_KEY: 'pem' }, /DATA_KEY must be 32 bytes/],
    [{ JWT_SECRET: STRONG, DATA_KEY: KEY }, /CARD_SIGNING_KEY is required in production/],
  ])('stops a production start with a missing or weak secret (%o)', (env, message) => {
    expect(errorOf({ NODE_ENV: 'production', ...env })).toMatch(message);
  });

  it('accepts a complete production configuration without warnings', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: STRONG,
      DATA_KEY: randomBytes(32).toString('base64'),
      CARD_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----',
    });
    expect(c.warnings).toEqual([]);
    expect(c.cardSigningKey).toContain('\n');
    expect(c.host).toBe('0.0.0.0');
    expect(c.docsEnabled).toBe(false);
  });

  it('listens on loopback and serves /docs by default outside production; both can be set', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c.host).toBe('127.0.0.1');
    expect(c.docsEnabled).toBe(true);
    const d = loadConfig({ DATA_DIR: dataDir(), HOST: '0.0.0.0', DOCS_ENABLED: 'false' });
    expect([d.host, d.docsEnabled]).toEqual(['0.0.0.0', false]);
    expect(errorOf({ DATA_DIR: dataDir(), DOCS_ENABLED: 'yes' })).toMatch(/DOCS_ENABLED/);
  });

  it('generates unset secrets once per installation, owner-only, and keeps them across starts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const again = loadConfig({ DATA_DIR: dir });
    const other = loadConfig({ DATA_DIR: dataDir() });
    expect(again.jwt.secret).toBe(first.jwt.secret);
    expect(again.dataKey.equals(first.dataKey)).toBe(true);
    expect(again.cardSigningKey).toBe(first.cardSigningKey);
    // Another installation shares nothing with this one.
    expect(other.jwt.secret).not.toBe(first.jwt.secret);
    expect(other.dataKey.equals(first.dataKey)).toBe(false);
    expect(other.cardSigningKey).not.toBe(first.cardSigningKey);
    expect(isWeakSecret(first.jwt.secret)).toBe(false);
    expect(createPrivateKey(first.cardSigningKey).asymmetricKeyType).toBe('ed25519');
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).jwtSecret).toBe(first.jwt.secret);
    expect(first.warnings.join(' ')).toMatch(/generated for this installation/);
  });

  it("takes the SQLite file's folder as the data folder unless DATA_DIR says otherwise", () => {
    const dir = dataDir();
    const c = loadConfig({ DB_PATH: join(dir, 'x.sqlite') });
    expect(c.dataDir).toBe(dir);
    expect(statSync(join(dir, 'secrets.json')).isFile()).toBe(true);
  });
});

describe('secret strength', () => {
  it.each([
    ['a'.repeat(32)],
    ['password'.repeat(4)],
    ['abcdefghijklmnopqrstuvwxyz012345'],
    ['0123456789abcdef'.repeat(2)],
    ['qwerty12'.repeat(5)],
  ])('calls %s weak', (s) => {
    expect(isWeakSecret(s)).toBe(true);
  });

  it('passes random secrets of the documented sizes', () => {
    for (let i = 0; i < 50; i++) {
      expect(isWeakSecret(randomBytes(32).toString('base64url'))).toBe(false);
      expect(isWeakSecret(randomBytes(32).toString('hex'))).toBe(false);
      expect(isWeakSecret(randomBytes(32))).toBe(false);
    }
  });

  it('counts a repeated unit once', () => {
    expect(shortestPeriod('abcabcab')).toBe(3);
    expect(shortestPeriod('abcd')).toBe(4);
    expect(estimatedBits('xy'.repeat(50))).toBeLessThanOrEqual(2);
  });

  it('refuses non-numeric numbers and half a bootstrap officer', () => {
    expect(errorOf({ PORT: 'abc' })).toBe('PORT must be a whole number, got "abc".');
    expect(errorOf({ BOOTSTRAP_OFFICER_EMAIL: 'a@b.c' })).toMatch(/must be set together/);
  });
});
