import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { execute, select } from '../database/statements.js';
import { LabourEvent } from './labour-event.entity.js';
import {
  EVENT_COLUMNS,
  eventParams,
  monthlyCellOf,
  monthlyParams,
  monthlyUpsertSql,
  seekerFlowRow,
  vacancyFlowRow,
  type MonthlyCell,
} from './labour-rows.js';

interface SeekerFacts {
  gender: string;
  birthDate: string;
  educationLevel: string;
}

interface VacancyFacts {
  id: string;
  genderRequirement: string;
  educationMin: string;
}

/**
 * Records the flows the IPK III/1, III/2 and III/4 reports count, inside the transaction of the change
 * that causes them, so the history and the change commit together:
 *
 *   seekers  — REGISTERED when a card is issued (ACTIVE), PLACED when the hire is recorded, REMOVED when
 *              the card expires or is revoked;
 *   vacancies — positions REGISTERED when published (and when the quota grows while open), FILLED one by
 *              one as hires are recorded, REMOVED (the unfilled rest) when it closes or the quota shrinks.
 *
 * A card's or vacancy's later events reuse the sex and education recorded at its registration, so each
 * report's rows balance per column; the age band is the seeker's age at each event.
 * Each event also adds to `labour_monthly`, the roll-up reports read.
 */
@Injectable()
export class LabourStatistics {
  constructor(private readonly clock: Clock) {}

  seekerRegistered(m: EntityManager, cardId: string, seeker: SeekerFacts, on: string): Promise<void> {
    return this.write(
      m,
      seekerFlowRow({
        id: randomUUID(),
        kind: 'REGISTERED',
        cardId,
        sex: seeker.gender,
        education: seeker.educationLevel,
        birthDate: seeker.birthDate,
        on,
        recordedAt: this.clock.now(),
      }),
    );
  }

  /** The card holder left the register: placed in a job, or removed (expired, revoked). */
  async seekerLeft(
    m: EntityManager,
    kind: 'PLACED' | 'REMOVED',
    cardId: string,
    seeker: SeekerFacts,
    on: string,
  ): Promise<void> {
    await this.rollUp(
      m,
      await this.recordLeaving(m, [{ subject: 'SEEKER', kind, cardId, birthDate: seeker.birthDate }], on),
    );
  }

  vacancyRegistered(m: EntityManager, v: VacancyFacts, positions: number, on: string): Promise<void> {
    if (positions <= 0) return Promise.resolve();
    return this.write(
      m,
      vacancyFlowRow({
        id: randomUUID(),
        kind: 'REGISTERED',
        vacancyId: v.id,
        sex: v.genderRequirement,
        education: v.educationMin,
        positions,
        on,
        recordedAt: this.clock.now(),
      }),
    );
  }

  /** Positions leave the unfilled stock: FILLED by a hire, or REMOVED (closed unfilled, quota cut). */
  async vacancyLeft(
    m: EntityManager,
    kind: 'FILLED' | 'REMOVED',
    vacancyId: string,
    positions: number,
    on: string,
  ): Promise<void> {
    await this.rollUp(m, await this.recordLeaving(m, [{ subject: 'VACANCY', kind, vacancyId, positions }], on));
  }

  /**
   * Several flows out of the register at once (a hire: the seeker placed and one position filled): their
   * registrations read by one query, their events written by one INSERT. Answers the events; the caller
   * adds them to the roll-up with `rollUp` — a hire as the last statement of its transaction, because every
   * hire of a month adds to the same few `labour_monthly` rows, and a row it updated stays locked until
   * the commit. A card or vacancy that never entered the register (none before these statistics existed)
   * cannot leave it: no event.
   */
  async recordLeaving(m: EntityManager, flows: Leaving[], on: string): Promise<LabourEvent[]> {
    const leaving = flows.filter((f) => f.subject === 'SEEKER' || f.positions > 0);
    if (leaving.length === 0) return [];
    const registered = await this.registrations(m, leaving.map(refOf));
    const events: LabourEvent[] = [];
    for (const f of leaving) {
      const r = registered.get(refOf(f));
      if (!r) continue;
      const common = {
        id: randomUUID(),
        kind: f.kind,
        sex: r.sex,
        education: r.education,
        on,
        recordedAt: this.clock.now(),
      };
      events.push(
        f.subject === 'SEEKER'
          ? seekerFlowRow({ ...common, cardId: f.cardId, birthDate: f.birthDate })
          : vacancyFlowRow({ ...common, vacancyId: f.vacancyId, positions: f.positions }),
      );
    }
    await this.insert(m, events);
    return events;
  }

  /**
   * Adds events to their months' roll-up rows (`labour_monthly`) with one upsert, the rows in key order so
   * that two transactions adding to the same rows take them in the same order.
   */
  async rollUp(m: EntityManager, events: LabourEvent[]): Promise<void> {
    if (events.length === 0) return;
    const cells = new Map<string, { cell: MonthlyCell; total: number }>();
    for (const e of events) {
      const cell = monthlyCellOf(e);
      const key = monthlyParams(cell, 0).join('\u0000');
      const known = cells.get(key);
      if (known) known.total += e.positions;
      else cells.set(key, { cell, total: e.positions });
    }
    const ordered = [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
    await execute(
      m,
      monthlyUpsertSql(m.connection.options.type === 'mysql', ordered.length),
      ordered.flatMap((c) => monthlyParams(c.cell, c.total)),
    );
  }

  /** The first REGISTERED event of each card or vacancy: the sex and education its later events reuse. */
  private async registrations(
    m: EntityManager,
    refIds: string[],
  ): Promise<Map<string, Pick<LabourEvent, 'sex' | 'education'>>> {
    const ids = [...new Set(refIds)];
    const rows = await select<Pick<LabourEvent, 'refId' | 'sex' | 'education'>>(
      m,
      `SELECT ref_id AS refId, sex, education FROM labour_events WHERE ref_id IN (${ids.map(() => '?').join(', ')}) AND kind = 'REGISTERED' ORDER BY event_date`,
      ids,
    );
    const first = new Map<string, Pick<LabourEvent, 'sex' | 'education'>>();
    for (const r of rows) if (!first.has(r.refId)) first.set(r.refId, r);
    return first;
  }

  /** Events, one INSERT (written out: on a hire's path the query builder cost more than the statement). */
  private async insert(m: EntityManager, events: LabourEvent[]): Promise<void> {
    if (events.length === 0) return;
    await execute(
      m,
      `INSERT INTO labour_events (${EVENT_COLUMNS.join(', ')}) VALUES ${events.map(() => `(${EVENT_COLUMNS.map(() => '?').join(', ')})`).join(', ')}`,
      events.flatMap((e) => eventParams(e)),
    );
  }

  private async write(m: EntityManager, e: LabourEvent): Promise<void> {
    await this.insert(m, [e]);
    await this.rollUp(m, [e]);
  }

  /** A placement was voided (`POST /placements/:id/void`): the statistics count the hire's reversal on `on`. */
  /* eslint-disable @typescript-eslint/no-unused-vars -- the body is the integrator's (issue 19) */
  async placementVoided(
    m: EntityManager,
    p: {
      placementId: string;
      cardId: string | null;
      vacancyId: string | null;
      seekerBackInRegister: boolean;
      vacancyPositionBackOpen: boolean;
    },
    on: string,
  ): Promise<void> {
    // statistics reversal: written by the integrator
  }
  /* eslint-enable @typescript-eslint/no-unused-vars */
}

/** A flow out of the register, for `recordLeaving`: a card holder, or positions of a vacancy. */
export type Leaving =
  | { subject: 'SEEKER'; kind: 'PLACED' | 'REMOVED'; cardId: string; birthDate: string }
  | { subject: 'VACANCY'; kind: 'FILLED' | 'REMOVED'; vacancyId: string; positions: number };

const refOf = (f: Leaving): string => (f.subject === 'SEEKER' ? f.cardId : f.vacancyId);
