import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { cardNumberPrefix } from '../offices/office-rules.js';
import { composeCardNumber, groupCardNumber } from './card-number.js';
import { CardSerial } from './card.entity.js';
import { serialsExhausted } from './cards.errors.js';

const MAX_SERIAL = 999_999;

/**
 * Hands out card numbers: serials are unique per region and issue year because each comes from an
 * atomic `UPDATE card_serials SET last_serial = last_serial + 1` inside the issuing transaction. On
 * MySQL the row lock that UPDATE takes queues concurrent approvals until the first commits; on SQLite
 * transactions are serial anyway. The unique index on cards.card_number is the last guard.
 */
@Injectable()
export class CardNumbers {
  private readonly knownCounters = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
  ) {}

  /**
   * The 4 digits that start the numbers of cards issued here: the issuing office's code (for now every
   * card is issued by the root office, REGION_CODE); a province or national root pads its code with
   * zeros (`16` → `1600`), which no regency's code is, so its numbers never collide with a city's.
   */
  get regionCode(): string {
    return cardNumberPrefix(this.config.regionCode);
  }

  /**
   * Makes sure the counter row of a year exists. Call it BEFORE opening the issuing transaction:
   * inserting the row inside concurrent transactions would make them deadlock on MySQL, and a
   * transaction cannot be nested inside another on SQLite.
   */
  async ensureCounter(issueYear: number, regionCode = this.regionCode): Promise<void> {
    const key = `${regionCode}:${issueYear}`;
    if (this.knownCounters.has(key)) return;
    await this.tx.run(async (m) => {
      if (await m.exists(CardSerial, { where: { regionCode, year: issueYear } })) return;
      try {
        await m.insert(CardSerial, { regionCode, year: issueYear, lastSerial: 0 });
      } catch (err) {
        // Another instance created it first: that is all we wanted.
        if (!uniqueViolation(err)) throw err;
      }
    });
    this.knownCounters.add(key);
  }

  /** The next number for a card issued in `issueYear` by the office of prefix `regionCode`, inside the caller's transaction. */
  async next(
    m: EntityManager,
    issueYear: number,
    regionCode = this.regionCode,
  ): Promise<{ key: string; display: string }> {
    await m.increment(CardSerial, { regionCode, year: issueYear }, 'lastSerial', 1);
    // Read back inside the same transaction: our own update is visible, others' wait on its lock.
    const row = await m.findOne(CardSerial, { where: { regionCode, year: issueYear } });
    if (!row) throw new Error(`card serial counter missing for ${regionCode}/${issueYear}: call ensureCounter first`);
    if (row.lastSerial > MAX_SERIAL) throw serialsExhausted();
    const key = composeCardNumber(regionCode, issueYear, row.lastSerial);
    return { key, display: groupCardNumber(key) };
  }

  /**
   * An imported number in this region's own format takes its serial out of circulation, so a later
   * approval cannot be handed the same number (counters only move up).
   */
  async reserveImported(m: EntityManager, key: string, regionCode = this.regionCode): Promise<void> {
    if (!/^\d{13}$/.test(key) || key.slice(0, 4) !== regionCode) return;
    const year = 2000 + Number(key.slice(4, 6));
    const serial = Number(key.slice(6, 12));
    await m
      .createQueryBuilder()
      .update(CardSerial)
      .set({ lastSerial: serial })
      .where('region_code = :region AND year = :year AND last_serial < :serial', {
        region: regionCode,
        year,
        serial,
      })
      .execute();
  }
}
