import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { sqlDate } from '../common/sql.js';
import { execute, select } from '../database/statements.js';
import { OfficesService } from '../offices/offices.service.js';
import { kbjiMajorGroup, kbliSection, UNKNOWN_CODE } from '../common/reference/classification.js';
import { LabourEvent } from './labour-event.entity.js';
import { ReportPeriods } from './report-periods.js';
import {
  EVENT_COLUMNS,
  eventParams,
  monthlyCellOf,
  monthlyParams,
  monthlyUpsertSql,
  seekerFlowRow,
  vacancyFlowRow,
  type FlowDimensions,
  type MonthlyCell,
} from './labour-rows.js';

interface SeekerFacts {
  gender: string;
  birthDate: string;
  educationLevel: string;
  /** Detailed education code (IPK III/2); absent or null: the level alone. */
  educationCode?: string | null;
  /** KBJI code of the occupation sought (IPK III/3); absent or null: unknown. */
  desiredOccupationCode?: string | null;
}

interface VacancyFacts {
  id: string;
  employerId: string;
  genderRequirement: string;
  educationMin: string;
  /** KBJI code (IPK III/5); null on vacancies older than the field: unknown. */
  occupationCode: string | null;
  /** The office the vacancy belongs to (its work location); null: the first office; absent: read from the row. */
  officeId?: string | null;
}

/** What a hire adds to the seeker's PLACED event (IPK III/7 and III/8). */
export interface PlacementFacts {
  id: string;
  employerId: string | null;
  vacancyId: string | null;
  placementType: string;
  employerKind: string;
}

/** The dimensions a card's or vacancy's later events copy from its registration. */
type Registration = Pick<LabourEvent, 'sex' | 'education' | 'educationCode' | 'occupation' | 'sector' | 'office'>;

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
  constructor(
    private readonly clock: Clock,
    private readonly periods: ReportPeriods,
    private readonly offices: OfficesService,
  ) {}

  /**
   * The office code a card or vacancy registers with: that of the row's `office_id` (null: the first
   * office's). Callers that hold the row pass its `officeId`; when they do not (`undefined`), it is read by
   * primary key. Later events copy the office of the registration, so per-office tables balance too.
   */
  private async officeCode(
    m: EntityManager,
    table: 'cards' | 'vacancies',
    id: string,
    officeId: string | null | undefined,
  ): Promise<string> {
    if (officeId === undefined) {
      const [row] = await select<{ officeId: string | null }>(
        m,
        `SELECT office_id AS officeId FROM ${table} WHERE id = ?`,
        [id],
      );
      officeId = row?.officeId ?? null;
    }
    return this.offices.codeOf(officeId, m);
  }

  /** A card entered the register; `officeId`: the card's office when the caller holds it (else read). */
  async seekerRegistered(
    m: EntityManager,
    cardId: string,
    seeker: SeekerFacts,
    on: string,
    officeId?: string | null,
  ): Promise<void> {
    const office = await this.officeCode(m, 'cards', cardId, officeId);
    return this.write(
      m,
      seekerFlowRow({
        id: randomUUID(),
        kind: 'REGISTERED',
        cardId,
        sex: seeker.gender,
        education: seeker.educationLevel,
        educationCode: seeker.educationCode ?? UNKNOWN_CODE,
        occupation: kbjiMajorGroup(seeker.desiredOccupationCode),
        office,
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

  async vacancyRegistered(m: EntityManager, v: VacancyFacts, positions: number, on: string): Promise<void> {
    if (positions <= 0) return;
    const [employer] = await select<{ kbli: string }>(m, 'SELECT kbli FROM employers WHERE id = ?', [v.employerId]);
    await this.write(
      m,
      vacancyFlowRow({
        id: randomUUID(),
        kind: 'REGISTERED',
        vacancyId: v.id,
        sex: v.genderRequirement,
        education: v.educationMin,
        occupation: kbjiMajorGroup(v.occupationCode),
        sector: kbliSection(employer?.kbli),
        office: await this.officeCode(m, 'vacancies', v.id, v.officeId),
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
    const placement = leaving.flatMap((f) => (f.subject === 'SEEKER' && f.placement ? [f.placement] : []))[0];
    const placed = placement
      ? await this.placementDimensions(
          m,
          placement,
          placement.vacancyId ? registered.get(placement.vacancyId) : undefined,
        )
      : {};
    const events: LabourEvent[] = [];
    for (const f of leaving) {
      const r = registered.get(refOf(f));
      if (!r) continue;
      const common = {
        id: randomUUID(),
        kind: f.kind,
        sex: r.sex,
        education: r.education,
        educationCode: r.educationCode,
        occupation: r.occupation,
        sector: r.sector,
        office: r.office,
        on,
        recordedAt: this.clock.now(),
      };
      events.push(
        f.subject === 'SEEKER'
          ? seekerFlowRow({
              ...common,
              ...(f.placement ? placed : {}),
              cardId: f.cardId,
              birthDate: f.birthDate,
            })
          : vacancyFlowRow({
              ...common,
              placementId: f.placementId ?? null,
              vacancyId: f.vacancyId,
              positions: f.positions,
            }),
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
  private async registrations(m: EntityManager, refIds: string[]): Promise<Map<string, Registration>> {
    const ids = [...new Set(refIds)];
    const rows = await select<Registration & Pick<LabourEvent, 'refId'>>(
      m,
      `SELECT ref_id AS refId, sex, education, education_code AS educationCode, occupation, sector, office FROM labour_events WHERE ref_id IN (${ids.map(() => '?').join(', ')}) AND kind = 'REGISTERED' ORDER BY event_date`,
      ids,
    );
    const first = new Map<string, Registration>();
    for (const r of rows) if (!first.has(r.refId)) first.set(r.refId, r);
    return first;
  }

  /** The seeker PLACED event's own dimensions: the receiving employer's sector and kind, type, channel. */
  private async placementDimensions(
    m: EntityManager,
    p: PlacementFacts,
    vacancy: Registration | undefined,
  ): Promise<FlowDimensions> {
    // Through a vacancy in the register, its sector is known; otherwise the employer says it.
    let sector = vacancy?.sector;
    if (!sector || sector === UNKNOWN_CODE) {
      const [employer] = p.employerId
        ? await select<{ kbli: string }>(m, 'SELECT kbli FROM employers WHERE id = ?', [p.employerId])
        : [];
      sector = kbliSection(employer?.kbli);
    }
    return {
      sector,
      placementType: p.placementType,
      employerKind: p.employerKind,
      channel: p.vacancyId ? 'V' : 'D',
      placementId: p.id,
    };
  }

  /**
   * A voided placement's reversal: each event the hire wrote (the seeker PLACED, the position FILLED) is
   * written again with the opposite sign, on the same date, so an open month reads as if the hire never
   * happened; when that month is closed, `insert` moves the reversal into the first open month as an
   * adjustment of it. A seeker who does not come back into the register (the card's date passed) and a
   * position that does not reopen (the vacancy stays closed) leave it as REMOVED, today. Written once:
   * a second call finds the reversal and does nothing.
   */
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
    const written = await select<LabourEvent>(
      m,
      `SELECT id, event_date AS eventDate, subject, kind, sex, age_band AS ageBand, education, positions, ref_id AS refId,
              education_code AS educationCode, occupation, sector, placement_type AS placementType,
              employer_kind AS employerKind, channel, office, placement_id AS placementId, cause
         FROM labour_events WHERE placement_id = ? ORDER BY recorded_at, id`,
      [p.placementId],
    );
    if (written.some((e) => e.cause === VOIDED)) return;
    const now = this.clock.now();
    const events: LabourEvent[] = [];
    for (const e of written) {
      if (e.kind !== 'PLACED' && e.kind !== 'FILLED') continue;
      const base = {
        ...e,
        eventDate: sqlDate(e.eventDate),
        positions: Number(e.positions),
        placementId: p.placementId,
        adjustsMonth: null,
        cause: VOIDED,
        recordedAt: now,
      };
      events.push({ ...base, id: randomUUID(), positions: -base.positions });
      const stays = e.subject === 'SEEKER' ? p.seekerBackInRegister : p.vacancyPositionBackOpen;
      if (!stays)
        events.push({
          ...base,
          id: randomUUID(),
          kind: 'REMOVED',
          eventDate: on,
          placementType: '-',
          employerKind: '-',
          channel: '-',
          ...(e.subject === 'SEEKER' ? { sector: '-' } : {}),
        });
    }
    await this.insert(m, events);
    await this.rollUp(m, events);
  }

  /**
   * Events, one INSERT (written out: on a hire's path the query builder cost more than the statement).
   * An event dated in a closed month is counted in the first open month instead, marked as adjusting it.
   */
  private async insert(m: EntityManager, events: LabourEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.periods.route(m, events);
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
}

/** A flow out of the register, for `recordLeaving`: a card holder, or positions of a vacancy. */
export type Leaving =
  | { subject: 'SEEKER'; kind: 'PLACED' | 'REMOVED'; cardId: string; birthDate: string; placement?: PlacementFacts }
  | { subject: 'VACANCY'; kind: 'FILLED' | 'REMOVED'; vacancyId: string; positions: number; placementId?: string };

const VOIDED = 'PLACEMENT_VOIDED';

const refOf = (f: Leaving): string => (f.subject === 'SEEKER' ? f.cardId : f.vacancyId);
