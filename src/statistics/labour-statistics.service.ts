import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ageOn } from '../common/dates.js';
import { LabourEvent, type AgeBand, type FlowKind, type Subject } from './labour-event.entity.js';

export function ageBand(birthDate: string, on: string): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 15) return 'UNDER_15';
  if (age <= 19) return '15-19';
  if (age <= 29) return '20-29';
  if (age <= 44) return '30-44';
  if (age <= 54) return '45-54';
  return '55+';
}

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
    return this.write(m, { subject: 'SEEKER', kind: 'REGISTERED', sex: seeker.gender, ageBand: ageBand(seeker.birthDate, on), education: seeker.educationLevel, positions: 1, refId: cardId, eventDate: on });
  }

  /** The card holder left the register: placed in a job, or removed (expired, revoked). */
  async seekerLeft(m: EntityManager, kind: 'PLACED' | 'REMOVED', cardId: string, seeker: SeekerFacts, on: string): Promise<void> {
    const registered = await this.registration(m, cardId);
    // A card that never entered the register (none before these statistics existed) cannot leave it.
    if (!registered) return;
    await this.write(m, { subject: 'SEEKER', kind, sex: registered.sex, ageBand: ageBand(seeker.birthDate, on), education: registered.education, positions: 1, refId: cardId, eventDate: on });
  }

  vacancyRegistered(m: EntityManager, v: VacancyFacts, positions: number, on: string): Promise<void> {
    if (positions <= 0) return Promise.resolve();
    return this.write(m, { subject: 'VACANCY', kind: 'REGISTERED', sex: v.genderRequirement, ageBand: '-', education: v.educationMin, positions, refId: v.id, eventDate: on });
  }

  /** Positions leave the unfilled stock: FILLED by a hire, or REMOVED (closed unfilled, quota cut). */
  async vacancyLeft(m: EntityManager, kind: 'FILLED' | 'REMOVED', vacancyId: string, positions: number, on: string): Promise<void> {
    if (positions <= 0) return;
    const registered = await this.registration(m, vacancyId);
    if (!registered) return;
    await this.write(m, { subject: 'VACANCY', kind, sex: registered.sex, ageBand: '-', education: registered.education, positions, refId: vacancyId, eventDate: on });
  }

  private registration(m: EntityManager, refId: string): Promise<LabourEvent | null> {
    return m.findOne(LabourEvent, { where: { refId, kind: 'REGISTERED' }, order: { eventDate: 'ASC' } });
  }

  private async write(m: EntityManager, e: Omit<LabourEvent, 'id' | 'recordedAt'> & { subject: Subject; kind: FlowKind }): Promise<void> {
    await m.insert(LabourEvent, { ...e, id: randomUUID(), recordedAt: this.clock.now() });
    await addToMonthly(m, e.eventDate.slice(0, 7), e);
  }
}

/** Adds an event to its month's roll-up row (an upsert; the statement differs by engine). */
export async function addToMonthly(
  m: EntityManager,
  month: string,
  e: { subject: string; kind: string; sex: string; ageBand: string; education: string; positions: number },
): Promise<void> {
  const params = [month, e.subject, e.kind, e.sex, e.ageBand, e.education, e.positions];
  const insert = 'INSERT INTO labour_monthly (month, subject, kind, sex, age_band, education, total) VALUES (?, ?, ?, ?, ?, ?, ?)';
  if (m.connection.options.type === 'mysql') {
    await m.query(`${insert} ON DUPLICATE KEY UPDATE total = total + VALUES(total)`, params);
  } else {
    await m.query(`${insert} ON CONFLICT (month, subject, kind, sex, age_band, education) DO UPDATE SET total = total + excluded.total`, params);
  }
}
