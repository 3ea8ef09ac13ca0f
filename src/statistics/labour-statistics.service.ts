import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { LabourEvent } from './labour-event.entity.js';
import { monthlyParams, monthlyUpsertSql, seekerFlowRow, vacancyFlowRow } from './labour-rows.js';

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
    const registered = await this.registration(m, cardId);
    // A card that never entered the register (none before these statistics existed) cannot leave it.
    if (!registered) return;
    await this.write(
      m,
      seekerFlowRow({
        id: randomUUID(),
        kind,
        cardId,
        sex: registered.sex,
        education: registered.education,
        birthDate: seeker.birthDate,
        on,
        recordedAt: this.clock.now(),
      }),
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
    if (positions <= 0) return;
    const registered = await this.registration(m, vacancyId);
    if (!registered) return;
    await this.write(
      m,
      vacancyFlowRow({
        id: randomUUID(),
        kind,
        vacancyId,
        sex: registered.sex,
        education: registered.education,
        positions,
        on,
        recordedAt: this.clock.now(),
      }),
    );
  }

  private registration(m: EntityManager, refId: string): Promise<LabourEvent | null> {
    return m.findOne(LabourEvent, { where: { refId, kind: 'REGISTERED' }, order: { eventDate: 'ASC' } });
  }

  private async write(m: EntityManager, e: LabourEvent): Promise<void> {
    await m.insert(LabourEvent, e);
    await addToMonthly(m, e.eventDate.slice(0, 7), e);
  }
}

/** Adds an event to its month's roll-up row (an upsert; the statement differs by engine). */
export async function addToMonthly(
  m: EntityManager,
  month: string,
  e: { subject: string; kind: string; sex: string; ageBand: string; education: string; positions: number },
): Promise<void> {
  await m.query(
    monthlyUpsertSql(m.connection.options.type === 'mysql', 1),
    monthlyParams({ month, ...e }, e.positions),
  );
}
