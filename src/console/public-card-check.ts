import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiServices } from './api-services.js';
import { Card } from '../cards/card.entity.js';
import { Clock } from '../common/clock.js';
import { DomainError, rateLimited } from '../common/domain-error.js';
import { RateLimiter } from '../common/rate-limiter.js';

export type PublicCheckResult = 'VALID' | 'EXPIRED' | 'PLACED' | 'REVOKED' | 'NOT_FOUND' | 'INVALID' | 'CREDENTIAL_EXPIRED';

export interface PublicCheck {
  result: PublicCheckResult;
  valid: boolean;
  cardNumber: string | null;
  holderName: string | null;
  validUntil: string | null;
  checkedAt: string;
}

/** Issued cards only: a pending or rejected one answers like an unknown card (as the API does). */
const FINDABLE = new Set(['ACTIVE', 'EXPIRED', 'PLACED', 'REVOKED']);
/** Per client address and minute: the page is public, so it must not become a lookup oracle. */
const CHECKS_PER_MINUTE = 60;

/**
 * The card check page opened from a card's QR code, for anyone (a guard at a job fair, the holder,
 * an employer without an account). It shows what the signed credential itself says — card number,
 * masked name, validity — once the office's signature is verified with the same CardCredentials the
 * API uses, plus the card's live status reduced to the API's results (VALID, EXPIRED, PLACED,
 * REVOKED, NOT_FOUND). Nothing else about the holder is read, and nothing is recorded as an employer
 * validation: that evidence is reserved for verified employers through POST /card-validations.
 */
@Injectable()
export class PublicCardCheck {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly api: ApiServices,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  async check(token: string, clientAddress: string): Promise<PublicCheck> {
    const limit = await this.limiter.hit(`console-card-check:${clientAddress}`, CHECKS_PER_MINUTE, 60);
    if (!limit.allowed) throw rateLimited('CARD_CHECK_RATE_LIMITED', 'Too many card checks from this address. Please wait a minute.', limit.retryAfterSeconds);
    const checkedAt = this.clock.now().toISOString();
    const refused = (result: PublicCheckResult): PublicCheck => ({ result, valid: false, cardNumber: null, holderName: null, validUntil: null, checkedAt });
    let claims;
    try {
      claims = this.api.credentials.verify(token, this.clock.now());
    } catch (err) {
      if (err instanceof DomainError) return refused(err.code === 'CREDENTIAL_EXPIRED' ? 'CREDENTIAL_EXPIRED' : 'INVALID');
      throw err;
    }
    const card = await this.ds.getRepository(Card).findOne({ where: { id: claims.sub }, select: { id: true, status: true, cardNumberDisplay: true, expiresAt: true } });
    if (!card || !FINDABLE.has(card.status) || card.cardNumberDisplay !== claims.cardNumber) return refused('NOT_FOUND');
    const expired = card.status === 'ACTIVE' && card.expiresAt !== null && String(card.expiresAt).slice(0, 10) < this.clock.today();
    const result: PublicCheckResult = card.status === 'ACTIVE' ? (expired ? 'EXPIRED' : 'VALID') : (card.status as PublicCheckResult);
    return { result, valid: result === 'VALID', cardNumber: claims.cardNumber, holderName: claims.holderName, validUntil: claims.validUntil, checkedAt };
  }
}
