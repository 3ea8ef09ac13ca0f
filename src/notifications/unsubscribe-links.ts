import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { PersonalData } from '../common/personal-data.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The link in every email's List-Unsubscribe header: it names the user and carries a keyed signature,
 * so one click (RFC 8058) turns that user's email off without a sign-in, and nobody can forge it for
 * another user.
 */
@Injectable()
export class UnsubscribeLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly personalData: PersonalData,
  ) {}

  private signature(userId: string): string {
    return this.personalData.lookupHash(`unsubscribe:${userId}`).slice(0, 32);
  }

  url(userId: string): string {
    return `${this.config.notifications.linkBase}/pemberitahuan/berhenti?u=${userId}&s=${this.signature(userId)}`;
  }

  /** The user the link names, when its signature is right; null for anything else. */
  verify(userId: unknown, signature: unknown): string | null {
    if (typeof userId !== 'string' || typeof signature !== 'string' || !USER_ID.test(userId)) return null;
    const expected = Buffer.from(this.signature(userId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }
}
