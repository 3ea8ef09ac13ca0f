import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { VacancyOutcome, type UnfilledReason } from './vacancy-outcome.entity.js';

/** What an employer says about a closed vacancy, as `VacancyOutcomes.save` takes it. */
export interface OutcomeStatement {
  vacancyId: string;
  employerId: string;
  /** The reason now on record (null: every position is filled). */
  unfilledReason: UnfilledReason | null;
  note: string | null;
  recordedBy: string;
}

/**
 * The owner of `vacancy_outcomes`: one row per vacancy, written when its employer says who it hired and
 * why the rest stayed open, updated by a later statement (`recorded_at` is the first statement, `updated_at`
 * the latest). The hires themselves are placements of the vacancy (their owner is PlacementsService).
 */
@Injectable()
export class VacancyOutcomes {
  constructor(private readonly clock: Clock) {}

  find(m: EntityManager, vacancyId: string): Promise<VacancyOutcome | null> {
    return m.findOne(VacancyOutcome, { where: { vacancyId } });
  }

  /**
   * Inserts or updates the vacancy's row, inside the caller's transaction. The caller has already counted
   * the hires against the vacancy (its row is locked on MySQL until the commit), so two statements of one
   * vacancy reach this point one after the other; an insert that still meets a row becomes the update.
   */
  async save(m: EntityManager, s: OutcomeStatement): Promise<VacancyOutcome> {
    const now = this.clock.now();
    const existing = await this.find(m, s.vacancyId);
    if (existing) {
      await m.update(
        VacancyOutcome,
        { vacancyId: s.vacancyId },
        { unfilledReason: s.unfilledReason, note: s.note, recordedBy: s.recordedBy, updatedAt: now },
      );
      return { ...existing, unfilledReason: s.unfilledReason, note: s.note, recordedBy: s.recordedBy, updatedAt: now };
    }
    const row: VacancyOutcome = { ...s, recordedAt: now, updatedAt: now };
    await m.insert(VacancyOutcome, row);
    return row;
  }
}
