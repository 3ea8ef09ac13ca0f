import { Injectable } from '@nestjs/common';
import { CardValidationService, type PublicCredentialCheck } from '../card-validation/card-validation.service.js';
import { rateLimited } from '../common/domain-error.js';
import { RateLimiter } from '../common/rate-limiter.js';

export type PublicCheck = PublicCredentialCheck;

/** Per client address and minute: the page is public, so it must not become a lookup oracle. */
const CHECKS_PER_MINUTE = 60;

/**
 * The card check page opened from a card's QR code, for anyone (a guard at a job fair, the holder,
 * an employer without an account). The check itself — signature, expiry, live status, what may be
 * shown — is CardValidationService.checkCredentialPublicly, the API's own rules; this page only adds
 * a limit per client address.
 */
@Injectable()
export class PublicCardCheck {
  constructor(
    private readonly validations: CardValidationService,
    private readonly limiter: RateLimiter,
  ) {}

  async check(token: string, clientAddress: string): Promise<PublicCheck> {
    const limit = await this.limiter.hit(`console-card-check:${clientAddress}`, CHECKS_PER_MINUTE, 60);
    if (!limit.allowed) {
      const message = 'Too many card checks from this address. Please wait a minute.';
      throw rateLimited('CARD_CHECK_RATE_LIMITED', message, limit.retryAfterSeconds);
    }
    return this.validations.checkCredentialPublicly(token);
  }
}
