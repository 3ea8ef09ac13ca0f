import { Inject, Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addDays, startOfJakartaDay } from '../common/dates.js';
import { DomainError, forbidden, validationFailed } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { PersonalData } from '../common/personal-data.js';
import { RateLimiter, type LimitResult } from '../common/rate-limiter.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { InsertBatcher } from '../database/insert-batcher.js';
import { PreparedStatements } from '../database/prepared-statements.js';
import { Transactions } from '../database/transactions.js';
import { employerNotVerified } from '../common/auth/verified-employer.guard.js';
import { sqlDate, sqlInstant } from '../common/sql.js';
import { effectiveStatus, isCardActive, isCardReportOverdue, isIssued } from '../cards/card-lifecycle.js';
import { readCardNumber } from '../cards/card-number.js';
import { Card } from '../cards/card.entity.js';
import { cardNotActive, invalidCardNumber } from '../cards/cards.errors.js';
import { CardsService } from '../cards/cards.service.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { CardCredentials, CREDENTIAL_ISSUER } from './card-credentials.js';
import { credentialQrPng } from './credential-qr.js';
import {
  CardValidation,
  toCardValidationView,
  type CardValidationView,
  type ValidationChannel,
  type ValidationResult,
} from './card-validation.entity.js';
import { newCardValidationRow } from './card-validation-rows.js';
import { cardCheckLocked, validationRateLimited } from './card-validation.errors.js';
import { maskName } from './mask-name.js';
import type { CardValidationQuery, ValidateCardDto } from './dto/card-validation.dto.js';
import type { ValidationReplyDto } from './dto/card-validation.dto.js';

/** One description of this reply: the class `ValidationReplyDto` (OpenAPI and code alike). */
export type ValidationReply = ValidationReplyDto;

/**
 * What anyone who scans a card's QR code may learn (the public check page): the result, and on a
 * match the card number, the masked name and the validity. Nothing is recorded; no NIK is involved.
 */
export interface PublicCredentialCheck {
  /** A validation result, or INVALID / CREDENTIAL_EXPIRED when the credential itself is refused. */
  result: ValidationResult | 'INVALID' | 'CREDENTIAL_EXPIRED';
  valid: boolean;
  cardNumber: string | null;
  holderName: string | null;
  validUntil: string | null;
  checkedAt: string;
}

/** What the reply and the record of a check need of the card it found. */
export interface CheckedCard {
  id: string;
  status: Card['status'];
  cardNumberDisplay: string | null;
  expiresAt: string | null;
  nextReportDue: string | null;
  /** The issuing office, whose overdue rule the reply applies. */
  officeId: string | null;
  fullName: string;
}

/** What a lookup needs of a card and its holder. */
interface CardWithHolder extends CheckedCard {
  nikHash: string;
}

/**
 * A check of a card by number and NIK that the limits let through (`admitNumberCheck`), to be ended by
 * `settleNumberCheck` once the lookup has run, or by `dropNumberCheck` if it never does.
 */
export interface NumberCheck {
  employerId: string;
  /** The number as typed, normalised: the lookup key, and the key of the wrong-NIK counter. */
  key: string;
  /** The number as echoed and recorded when no card matches (grouped when it is one of ours). */
  display: string;
  /** This attempt, counted in advance as a wrong NIK. */
  mismatch: LimitResult;
}

/**
 * The lookup, written out: this is the hot path of the busiest route, and building the same SQL with
 * the query builder on every call cost more CPU than running it. One indexed row, joined to its holder.
 */
const LOOKUP_SQL = `SELECT c.id AS id, c.status AS status, c.card_number_display AS cardNumberDisplay, c.expires_at AS expiresAt,
  c.next_report_due AS nextReportDue, c.office_id AS officeId, s.full_name AS fullName, s.nik_hash AS nikHash
  FROM cards c INNER JOIN seekers s ON s.id = c.seeker_id WHERE`;
/**
 * The card by number together with the asking employer's status, in one round trip: the busiest route
 * checks "staff of a VERIFIED employer" here instead of in VerifiedEmployerGuard's own query (one
 * database round trip of two saved, ~15 % of its throughput), with the same answer at the same moment.
 */
const BY_NUMBER_FOR_EMPLOYER = `SELECT e.status AS employerStatus, c.id AS id, c.status AS status, c.card_number_display AS cardNumberDisplay,
  c.expires_at AS expiresAt, c.next_report_due AS nextReportDue, c.office_id AS officeId, s.full_name AS fullName,
  s.nik_hash AS nikHash FROM employers e LEFT JOIN cards c ON c.card_number = ? LEFT JOIN seekers s ON s.id = c.seeker_id WHERE e.id = ?`;
const BY_ID = `${LOOKUP_SQL} c.id = ?`;
const RECORD_HEAD =
  'INSERT INTO card_validations (id, employer_id, user_id, card_id, card_number, channel, result, checked_at) VALUES';
const RECORD_SQL = `${RECORD_HEAD} (?, ?, ?, ?, ?, ?, ?, ?)`;

/** Closed statuses a card leaves ACTIVE for, with its credentials possibly still unexpired (card-status). */
const CLOSED_STATUSES = ['PLACED', 'REVOKED', 'WITHDRAWN', 'EXPIRED'] as const;
/** The window of the wrong-NIK counter of one employer and one card number. */
const MISMATCH_WINDOW_SECONDS = 3600;

@Injectable()
export class CardValidationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly statements: PreparedStatements,
    private readonly personal: PersonalData,
    private readonly limiter: RateLimiter,
    private readonly credentials: CardCredentials,
    private readonly cards: CardsService,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
    private readonly officeSettings: OfficeSettings,
  ) {
    // On MySQL the records of checks made at the same moment share one INSERT (group commit, decision 126).
    // A lone record is a prepared statement as before; a batch goes by the text protocol (its text varies).
    this.records = tx.isMysql
      ? new InsertBatcher(
          (sql, params) => (params.length === 8 ? statements.execute(sql, params) : statements.query(sql, params)),
          RECORD_HEAD,
          8,
        )
      : null;
  }

  /** The writer of validation records on MySQL (null on SQLite, whose writes queue in Transactions). */
  readonly records: InsertBatcher | null;

  /**
   * An employer checks a card number against the applicant's NIK. NOT_FOUND whenever no issued card
   * has that number with that NIK, with no holder data; a 13-digit number with a bad check digit is
   * refused before any lookup. One indexed lookup and one insert (the record of the check).
   */
  async validate(actor: AuthUser, dto: ValidateCardDto): Promise<ValidationReply> {
    const check = await this.admitNumberCheck(actor, dto.cardNumber);
    const [row] = await this.statements.execute<CardWithHolder & { employerStatus: string }>(BY_NUMBER_FOR_EMPLOYER, [
      check.key,
      check.employerId,
    ]);
    if (row?.employerStatus !== 'VERIFIED') {
      await this.dropNumberCheck(check);
      throw employerNotVerified();
    }
    const card = row.id ? withDates(row) : null;
    const matched = card && this.isFoundBy(card.status, card.nikHash, dto.nik) ? card : null;
    return this.settleNumberCheck(actor, check, 'NUMBER', matched);
  }

  /**
   * Lets a check by card number + NIK (a validation, or a direct hire) through its limits, before any
   * lookup, so a refused employer learns nothing: the employer's per-minute limit, a typo in the check
   * digit (400), and the lock on a number for which this employer gave too many wrong NIKs this hour
   * (429 CARD_CHECK_LOCKED). The lock counts every NOT_FOUND for the number, whether a card carries it
   * or not, so it cannot tell which numbers exist either. The attempt is counted as a wrong NIK before
   * the lookup and taken back when a card is found: counted afterwards, concurrent guesses would all
   * pass the lock before the first of them was counted.
   */
  async admitNumberCheck(actor: AuthUser, cardNumber: string): Promise<NumberCheck> {
    const employerId = await this.countCheck(actor);
    const number = readCardNumber(cardNumber);
    if (number.kind === 'bad-check-digit' || number.kind === 'malformed') throw invalidCardNumber();
    const mismatch = await this.limiter.hit(
      mismatchKey(employerId, number.key),
      this.config.limits.cardMismatchesPerHour,
      MISMATCH_WINDOW_SECONDS,
    );
    if (!mismatch.allowed) throw cardCheckLocked(mismatch.retryAfterSeconds);
    return { employerId, key: number.key, display: number.display, mismatch };
  }

  /** Whether an issued card is found by this NIK (a PENDING or REJECTED card never is). Constant-time compare. */
  isFoundBy(status: Card['status'], holderNikHash: string, nik: string): boolean {
    return isIssued(status) && sameHash(holderNikHash, this.personal.lookupHash(nik));
  }

  /**
   * Ends an admitted check once the lookup has run: `card` is the card found by that number with that
   * NIK, or null (NOT_FOUND, a wrong NIK). Records the check under its channel with the result a
   * validation gives, and returns that reply.
   */
  async settleNumberCheck(
    actor: AuthUser,
    check: NumberCheck,
    channel: ValidationChannel,
    card: CheckedCard | null,
  ): Promise<ValidationReply> {
    if (card) await this.limiter.takeBack(mismatchKey(check.employerId, check.key), check.mismatch);
    return this.answer(actor, check.employerId, channel, card, check.display);
  }

  /** Ends an admitted check that never looked at a card (refused first, or an idempotent replay): nothing recorded. */
  async dropNumberCheck(check: NumberCheck): Promise<void> {
    await this.limiter.takeBack(mismatchKey(check.employerId, check.key), check.mismatch);
  }

  /**
   * An employer scans a holder's credential: the signature and expiry are checked, then the card's
   * live status, so a card placed or revoked since the credential was issued is caught.
   */
  async validateCredential(actor: AuthUser, token: string): Promise<ValidationReply> {
    const employerId = await this.countCheck(actor);
    const claims = this.credentials.verify(token, this.clock.now());
    const card = await this.lookup(BY_ID, claims.sub);
    const matched = card && isIssued(card.status) && sameCard(card, claims.cardNumber) ? card : null;
    return this.answer(actor, employerId, 'CREDENTIAL', matched, claims.cardNumber ?? card?.cardNumberDisplay ?? '-');
  }

  /**
   * The public check of a scanned credential (no account): the same signature, expiry and live-status
   * checks and the same results as validateCredential, but with no employer behind it nothing is
   * recorded as a validation, and a refused credential is a result (INVALID, CREDENTIAL_EXPIRED), not
   * an error. Callers that face the internet must rate-limit it.
   */
  async checkCredentialPublicly(token: string): Promise<PublicCredentialCheck> {
    const now = this.clock.now();
    const checkedAt = now.toISOString();
    const refused = (result: PublicCredentialCheck['result']): PublicCredentialCheck => ({
      result,
      valid: false,
      cardNumber: null,
      holderName: null,
      validUntil: null,
      checkedAt,
    });
    let claims;
    try {
      claims = this.credentials.verify(token, now);
    } catch (err) {
      if (err instanceof DomainError && err.status < 500)
        return refused(err.code === 'CREDENTIAL_EXPIRED' ? 'CREDENTIAL_EXPIRED' : 'INVALID');
      throw err;
    }
    const card = await this.lookup(BY_ID, claims.sub);
    if (!card || !isIssued(card.status) || !sameCard(card, claims.cardNumber)) return refused('NOT_FOUND');
    const result = resultOf(card, this.clock.today());
    return {
      result,
      valid: result === 'VALID',
      cardNumber: card.cardNumberDisplay,
      holderName: maskName(card.fullName),
      validUntil: card.expiresAt,
      checkedAt,
    };
  }

  /**
   * A signed credential for an ACTIVE card (holder or officer), valid until the end of the card's expiry
   * day (decision 54): the JWS, its compact form, and the QR code (PNG) of the public check page's link
   * with the compact form.
   */
  async credential(actor: AuthUser, cardId: string): Promise<{ token: string; code: string | null; qrPng: string }> {
    const card = await this.cards.visibleCard(this.ds.manager, actor, cardId);
    const today = this.clock.today();
    if (!isCardActive(card, today)) throw cardNotActive(effectiveStatus(card, today));
    const holder = await this.ds
      .getRepository(Seeker)
      .findOneOrFail({ where: { id: card.seekerId }, select: { id: true, fullName: true } });
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const token = this.credentials.sign({
      iss: CREDENTIAL_ISSUER,
      sub: card.id,
      iat: nowSeconds,
      exp: Math.floor(startOfJakartaDay(addDays(card.expiresAt!, 1)).getTime() / 1000),
      cardNumber: card.cardNumberDisplay!,
      holderName: maskName(holder.fullName),
      status: card.status,
      validFrom: card.issuedAt!,
      validUntil: card.expiresAt!,
    });
    const code = this.credentials.signCompact(card.id, card.expiresAt!);
    const png = await credentialQrPng(this.config.notifications.linkBase, token, code);
    return { token, code, qrPng: png.toString('base64') };
  }

  /**
   * `GET /.well-known/card-status` (decision 55): the JSON of closedCardIds, to the byte as sent, and its
   * detached JWS signature. Made to the minute, so caches and ETags hold for a minute.
   */
  async cardStatus(since: string | undefined): Promise<{ body: string; signature: string }> {
    const minute = Math.floor(this.clock.now().getTime() / 60_000) * 60_000;
    const ids = await this.closedCardIds(since);
    const body = JSON.stringify({
      iss: CREDENTIAL_ISSUER,
      generatedAt: new Date(minute).toISOString(),
      since: since ?? null,
      ids,
    });
    return { body, signature: this.credentials.signDetached(body, 'card-status+json') };
  }

  /**
   * The ids of issued cards that are no longer ACTIVE while a credential of theirs may still be
   * unexpired (closed, expiry today or later), optionally only those closed since a day; sorted.
   */
  async closedCardIds(since: string | undefined): Promise<string[]> {
    const today = this.clock.today();
    const qb = this.ds
      .getRepository(Card)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.status IN (:...closed)', { closed: CLOSED_STATUSES })
      .andWhere('c.expires_at >= :today', { today });
    if (since) qb.andWhere('c.closed_at >= :since', { since: startOfJakartaDay(since) });
    const rows: { id: string }[] = await qb.orderBy('c.id', 'ASC').getRawMany();
    return rows.map((r) => r.id);
  }

  /** Employers see their own checks; officers everyone's, optionally one employer's. */
  async history(actor: AuthUser, q: CardValidationQuery): Promise<Page<CardValidationView>> {
    if (q.from && q.to && q.from > q.to)
      throw validationFailed([{ field: 'to', messages: ['to must not be before from'] }]);
    let employerId = q.employerId;
    if (actor.role === 'employer') {
      if (employerId && employerId !== actor.employerId)
        throw forbidden('You can only see your own company’s validations.');
      employerId = actor.employerId ?? undefined;
      if (!employerId) throw forbidden();
    } else if (actor.role !== 'officer') {
      throw forbidden();
    }
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds.getRepository(CardValidation).createQueryBuilder('v');
    if (employerId) qb.andWhere('v.employer_id = :employerId', { employerId });
    // Officers: the checks made by the companies of their office and the offices below it.
    if (actor.role === 'officer') await this.scope.restrictVia(qb, 'v.employer_id', 'employers', actor);
    if (q.from) qb.andWhere('v.checked_at >= :from', { from: startOfJakartaDay(q.from) });
    if (q.to) qb.andWhere('v.checked_at < :to', { to: startOfJakartaDay(addDays(q.to, 1)) });
    qb.orderBy('v.checked_at', 'DESC').addOrderBy('v.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toCardValidationView), page, pageSize, total };
  }

  /** Counts the check against the employer's per-minute limit (429 + Retry-After past it), whichever door it came through. */
  private async countCheck(actor: AuthUser): Promise<string> {
    if (!actor.employerId) throw forbidden();
    const r = await this.limiter.hit(
      `card-validation:${actor.employerId}`,
      this.config.limits.validationsPerMinute,
      60,
    );
    if (!r.allowed) throw validationRateLimited(r.retryAfterSeconds);
    return actor.employerId;
  }

  private async lookup(sql: string, param: string): Promise<CardWithHolder | null> {
    const rows: CardWithHolder[] = await this.ds.query(sql, [param]);
    return rows[0] ? withDates(rows[0]) : null;
  }

  /** Builds the reply (holder data only for a match) and records the check. */
  private async answer(
    actor: AuthUser,
    employerId: string,
    channel: ValidationChannel,
    card: CheckedCard | null,
    presented: string,
  ): Promise<ValidationReply> {
    const now = this.clock.now();
    const today = this.clock.today();
    let reply: ValidationReply;
    if (!card) {
      reply = {
        result: 'NOT_FOUND',
        valid: false,
        cardNumber: presented,
        holderName: null,
        expiresAt: null,
        reportOverdue: null,
        checkedAt: now.toISOString(),
      };
    } else {
      const result = resultOf(card, today);
      reply = {
        result,
        valid: result === 'VALID',
        cardNumber: card.cardNumberDisplay,
        holderName: maskName(card.fullName),
        expiresAt: card.expiresAt,
        // The card's office's grace: a cache hit (OfficeSettings), no query of its own.
        reportOverdue: isCardReportOverdue(card, today, await this.officeSettings.overdueRules()),
        checkedAt: now.toISOString(),
      };
    }
    const row = newCardValidationRow({
      id: randomUUID(),
      employerId,
      userId: actor.id,
      cardId: card?.id ?? null,
      cardNumber: (card?.cardNumberDisplay ?? presented).slice(0, 40),
      channel,
      result: reply.result,
      checkedAt: now,
    });
    // In RECORD_HEAD's column order (prepared statements on MySQL: decision 12).
    const record = [
      row.id,
      row.employerId,
      row.userId,
      row.cardId,
      row.cardNumber,
      row.channel,
      row.result,
      sqlInstant(row.checkedAt),
    ];
    // On MySQL no transaction is needed, and checks made at the same moment share one INSERT; on SQLite the
    // insert must queue behind any open transaction. Either way the reply leaves once the record is stored.
    if (this.records) await this.records.insert(record);
    else await this.tx.run((m) => m.query(RECORD_SQL, record));
    return reply;
  }
}

/** The result of a check of an issued card: its status as it is today, VALID while active. */
function resultOf(card: Pick<CheckedCard, 'status' | 'expiresAt'>, today: string): ValidationResult {
  const status = effectiveStatus(card, today);
  return status === 'ACTIVE' ? 'VALID' : (status as ValidationResult);
}

/** Raw rows: MySQL hands DATE columns back as Date objects (midnight UTC), SQLite as text. */
function withDates(row: CardWithHolder): CardWithHolder {
  return { ...row, expiresAt: sqlDate(row.expiresAt), nextReportDue: sqlDate(row.nextReportDue) };
}

/** The wrong-NIK counter of one employer for one card number (normalised: a wrong NIK names no card). */
function mismatchKey(employerId: string, cardNumberKey: string): string {
  return `card-mismatch:${employerId}:${cardNumberKey}`;
}

/** A compact credential names its card by id only; a JWS also carries the number, which must still match. */
function sameCard(card: CheckedCard, cardNumber: string | null): boolean {
  return cardNumber === null || card.cardNumberDisplay === cardNumber;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
