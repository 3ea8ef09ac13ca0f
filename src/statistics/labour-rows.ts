import { ageOn } from '../common/dates.js';
import { sqlInstant } from '../common/sql.js';
import type { AgeBand, FlowKind, LabourEvent } from './labour-event.entity.js';

export function ageBand(birthDate: string, on: string): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 15) return 'UNDER_15';
  if (age <= 19) return '15-19';
  if (age <= 29) return '20-29';
  if (age <= 44) return '30-44';
  if (age <= 54) return '45-54';
  return '55+';
}

/** The IPK dimensions of a flow beyond sex, age and education level; '-' (unknown / not applicable) by default. */
export interface FlowDimensions {
  educationCode?: string;
  occupation?: string;
  sector?: string;
  placementType?: string;
  employerKind?: string;
  channel?: string;
  office?: string;
  placementId?: string | null;
  adjustsMonth?: string | null;
  cause?: string | null;
}

function dimensionsOf(d: FlowDimensions) {
  return {
    educationCode: d.educationCode ?? '-',
    occupation: d.occupation ?? '-',
    sector: d.sector ?? '-',
    placementType: d.placementType ?? '-',
    employerKind: d.employerKind ?? '-',
    channel: d.channel ?? '-',
    office: d.office ?? '-',
    placementId: d.placementId ?? null,
    adjustsMonth: d.adjustsMonth ?? null,
    cause: d.cause ?? null,
  };
}

/**
 * A seeker's flow, as a complete `labour_events` row: one person, their age band on the event's date,
 * the sex and education given. Pure: the id and the instant come from the caller. LabourStatistics
 * inserts it; the seed writes it in bulk.
 */
export function seekerFlowRow(
  f: {
    id: string;
    kind: FlowKind;
    cardId: string;
    sex: string;
    education: string;
    birthDate: string;
    on: string;
    recordedAt: Date;
  } & FlowDimensions,
): LabourEvent {
  return {
    ...dimensionsOf(f),
    id: f.id,
    eventDate: f.on,
    subject: 'SEEKER',
    kind: f.kind,
    sex: f.sex,
    ageBand: ageBand(f.birthDate, f.on),
    education: f.education,
    positions: 1,
    refId: f.cardId,
    recordedAt: f.recordedAt,
  };
}

/** A vacancy's flow of `positions`, as a complete `labour_events` row (no age band: '-'). Pure. */
export function vacancyFlowRow(
  f: {
    id: string;
    kind: FlowKind;
    vacancyId: string;
    sex: string;
    education: string;
    positions: number;
    on: string;
    recordedAt: Date;
  } & FlowDimensions,
): LabourEvent {
  return {
    ...dimensionsOf(f),
    id: f.id,
    eventDate: f.on,
    subject: 'VACANCY',
    kind: f.kind,
    sex: f.sex,
    ageBand: '-',
    education: f.education,
    positions: f.positions,
    refId: f.vacancyId,
    recordedAt: f.recordedAt,
  };
}

/** The roll-up cell (`labour_monthly`) an event adds its positions to. */
export interface MonthlyCell {
  month: string;
  subject: string;
  kind: string;
  sex: string;
  ageBand: string;
  education: string;
  educationCode: string;
  occupation: string;
  sector: string;
  placementType: string;
  employerKind: string;
  channel: string;
  office: string;
}

/** The roll-up's key columns, in key order. */
export const MONTHLY_KEY = [
  'month',
  'subject',
  'kind',
  'sex',
  'age_band',
  'education',
  'education_code',
  'occupation',
  'sector',
  'placement_type',
  'employer_kind',
  'channel',
  'office',
] as const;

/** The cell of an event: its month and everything the reports group by. */
export function monthlyCellOf(
  e: Pick<
    LabourEvent,
    | 'eventDate'
    | 'subject'
    | 'kind'
    | 'sex'
    | 'ageBand'
    | 'education'
    | 'educationCode'
    | 'occupation'
    | 'sector'
    | 'placementType'
    | 'employerKind'
    | 'channel'
    | 'office'
  >,
): MonthlyCell {
  return {
    month: e.eventDate.slice(0, 7),
    subject: e.subject,
    kind: e.kind,
    sex: e.sex,
    ageBand: e.ageBand,
    education: e.education,
    educationCode: e.educationCode,
    occupation: e.occupation,
    sector: e.sector,
    placementType: e.placementType,
    employerKind: e.employerKind,
    channel: e.channel,
    office: e.office,
  };
}

/**
 * The upsert that adds `rows` cells' totals to `labour_monthly` (the statement differs by engine), and
 * one cell's parameters for it. LabourStatistics adds one event at a time; the seed adds its whole roll-up.
 */
export function monthlyUpsertSql(isMysql: boolean, rows: number): string {
  const row = `(${MONTHLY_KEY.map(() => '?').join(', ')}, ?)`;
  const insert = `INSERT INTO labour_monthly (${MONTHLY_KEY.join(', ')}, total) VALUES ${new Array<string>(rows).fill(row).join(', ')}`;
  return isMysql
    ? `${insert} ON DUPLICATE KEY UPDATE total = total + VALUES(total)`
    : `${insert} ON CONFLICT (${MONTHLY_KEY.join(', ')}) DO UPDATE SET total = total + excluded.total`;
}

export function monthlyParams(cell: MonthlyCell, total: number): (string | number)[] {
  return [
    cell.month,
    cell.subject,
    cell.kind,
    cell.sex,
    cell.ageBand,
    cell.education,
    cell.educationCode,
    cell.occupation,
    cell.sector,
    cell.placementType,
    cell.employerKind,
    cell.channel,
    cell.office,
    total,
  ];
}

/** `labour_events` columns in the order `eventParams` answers them. */
export const EVENT_COLUMNS = [
  'id',
  'event_date',
  'subject',
  'kind',
  'sex',
  'age_band',
  'education',
  'positions',
  'ref_id',
  'recorded_at',
  'education_code',
  'occupation',
  'sector',
  'placement_type',
  'employer_kind',
  'channel',
  'office',
  'placement_id',
  'adjusts_month',
  'cause',
] as const;

export function eventParams(e: LabourEvent): (string | number | null)[] {
  return [
    e.id,
    e.eventDate,
    e.subject,
    e.kind,
    e.sex,
    e.ageBand,
    e.education,
    e.positions,
    e.refId,
    sqlInstant(e.recordedAt),
    e.educationCode,
    e.occupation,
    e.sector,
    e.placementType,
    e.employerKind,
    e.channel,
    e.office,
    e.placementId,
    e.adjustsMonth,
    e.cause,
  ];
}
