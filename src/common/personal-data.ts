import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * Protects personal identifiers at rest: AES-256-GCM for the value (random IV, versioned format
 * `v1.<iv>.<tag>.<ciphertext>`), and a keyed hash (HMAC-SHA-256) for uniqueness and lookup, so the
 * database never holds an NIK in clear and cannot be searched by one without the key.
 */
@Injectable()
export class PersonalData {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Separate sub-keys for encryption and hashing, both derived from DATA_KEY.
    this.encKey = Buffer.from(hkdfSync('sha256', config.dataKey, Buffer.alloc(0), 'ak1/encrypt/v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', config.dataKey, Buffer.alloc(0), 'ak1/lookup-hash/v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(
      '.',
    );
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, ct] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unreadable sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for lookups (hex, 64 chars). */
  lookupHash(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('hex');
  }
}
