import { ConfigError, loadConfig } from '../../src/config/config';

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
    const c = loadConfig({});
    expect(c.db).toEqual({ type: 'sqlite', path: './data/ak1.sqlite', url: null, replicaUrls: [] });
    expect(c.port).toBe(3000);
    expect(c.limits.validationsPerMinute).toBe(120);
    expect(c.dataKey).toHaveLength(32);
    expect(c.warnings.join(' ')).toMatch(/JWT_SECRET/);
  });

  it('refuses a wrong DB_TYPE in one sentence', () => {
    expect(errorOf({ DB_TYPE: 'postgres' })).toBe('DB_TYPE must be "sqlite" or "mysql".');
  });

  it('requires DB_URL for mysql', () => {
    expect(errorOf({ DB_TYPE: 'mysql' })).toMatch(/DB_URL is not set/);
  });

  it.each([
    [{}, /JWT_SECRET is required in production/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET is too weak/],
    [{ JWT_SECRET: 'x'.repeat(40) }, /DATA_KEY is required in production/],
    [{ JWT_SECRET: 'x'.repeat(40), DATA_KEY: '00'.repeat(32) }, /DATA_KEY is too weak/],
    [{ JWT_SECRET: 'x'.repeat(40), DATA_KEY: 'abc' }, /DATA_KEY must be 32 bytes/],
    [{ JWT_SECRET: 'x'.repeat(40), DATA_KEY: '0123456789abcdef'.repeat(4) }, /CARD_SIGNING_KEY is required in production/],
  ])('stops a production start with a missing or weak secret (%o)', (env, message) => {
    expect(errorOf({ NODE_ENV: 'production', ...env })).toMatch(message);
  });

  it('accepts a complete production configuration without warnings', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATA_KEY: Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64'),
      CARD_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----',
    });
    expect(c.warnings).toEqual([]);
    expect(c.cardSigningKey).toContain('\n');
  });

  it('refuses non-numeric numbers and half a bootstrap officer', () => {
    expect(errorOf({ PORT: 'abc' })).toBe('PORT must be a whole number, got "abc".');
    expect(errorOf({ BOOTSTRAP_OFFICER_EMAIL: 'a@b.c' })).toMatch(/must be set together/);
  });
});
