import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

/**
 * Form tokens against cross-site request forgery. Every browser gets a random seed cookie; a form's
 * token is HMAC(seed, session id), so it is tied to this browser and to this sign-in (a token from
 * before sign-in or from another session is refused). The key is derived from JWT_SECRET.
 */
@Injectable()
export class ConsoleCsrf {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwt.secret, Buffer.alloc(0), 'ak1/console-csrf/v1', 32));
  }

  newSeed(): string {
    return randomBytes(24).toString('base64url');
  }

  isSeed(s: string | undefined): s is string {
    return typeof s === 'string' && /^[A-Za-z0-9_-]{32}$/.test(s);
  }

  token(seed: string, sessionId: string | null): string {
    return createHmac('sha256', this.key)
      .update(`${seed}|${sessionId ?? '-'}`)
      .digest('base64url');
  }

  check(seed: string, sessionId: string | null, sent: unknown): boolean {
    if (typeof sent !== 'string' || sent.length > 100) return false;
    const expected = Buffer.from(this.token(seed, sessionId));
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
