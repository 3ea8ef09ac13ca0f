import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Secrets made for one installation when the operator set none (outside production only). */
export interface InstallationSecrets {
  jwtSecret: string;
  /** 64 hex characters (32 bytes). */
  dataKey: string;
  /** Ed25519 private key, PKCS#8 PEM. */
  cardSigningKey: string;
}

export const SECRETS_FILE = 'secrets.json';

function generate(): InstallationSecrets {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    jwtSecret: randomBytes(48).toString('base64url'),
    dataKey: randomBytes(32).toString('hex'),
    cardSigningKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

function isComplete(v: unknown): v is InstallationSecrets {
  const s = v as Partial<InstallationSecrets> | null;
  return (
    !!s && typeof s.jwtSecret === 'string' && typeof s.dataKey === 'string' && typeof s.cardSigningKey === 'string'
  );
}

/**
 * The installation's own secrets, kept in `<dataDir>/secrets.json` (owner-only: 0600 in a 0700 folder).
 * The first start makes them; every later start, and every other instance started from the same
 * folder, reads the same file — the exclusive create (`wx`) decides who writes when several start at
 * once. Development installs therefore never share a constant secret that a stranger could know.
 */
export function installationSecrets(dataDir: string): { secrets: InstallationSecrets; path: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, SECRETS_FILE);
  try {
    const fd = openSync(path, 'wx', 0o600);
    // Made only by the start that creates the file; every other start reads it.
    const fresh = generate();
    try {
      writeSync(fd, JSON.stringify(fresh, null, 2) + '\n');
    } finally {
      closeSync(fd);
    }
    return { secrets: fresh, path, created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  // Another start may have created the file a moment ago and still be writing it.
  for (let attempt = 0; ; attempt++) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      parsed = null;
    }
    if (isComplete(parsed)) {
      // Tighten a file someone loosened: the secrets are the installation's keys.
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      return { secrets: parsed, path, created: false };
    }
    if (attempt >= 50)
      throw new Error(`${path} exists but does not hold the installation's secrets; move it away to make new ones.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
