import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalData } from '../../src/common/personal-data';
import { loadConfig } from '../../src/config/config';

const dir = mkdtempSync(join(tmpdir(), 'ak1-pd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const withKey = (key: string) => loadConfig({ DATA_DIR: dir, DATA_KEY: key });

describe('PersonalData', () => {
  const pd = new PersonalData(withKey(randomBytes(32).toString('hex')));
  const other = new PersonalData(withKey(randomBytes(32).toString('hex')));

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = pd.encrypt('1671054101990001');
    const b = pd.encrypt('1671054101990001');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1671054101990001');
    expect(pd.decrypt(a)).toBe('1671054101990001');
  });

  it('refuses tampered ciphertext and a different key', () => {
    const sealed = pd.encrypt('1671054101990001');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1').slice(1), 'latin1').toString(
      'base64url',
    );
    expect(() => pd.decrypt(parts.join('.'))).toThrow();
    expect(() => other.decrypt(sealed)).toThrow();
  });

  it('hashes deterministically per key', () => {
    expect(pd.lookupHash('1671054101990001')).toBe(pd.lookupHash('1671054101990001'));
    expect(pd.lookupHash('1671054101990001')).not.toBe(other.lookupHash('1671054101990001'));
    expect(pd.lookupHash('1671054101990001')).toMatch(/^[0-9a-f]{64}$/);
  });
});
