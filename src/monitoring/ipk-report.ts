import { EDUCATION_LEVELS } from '../common/reference/education.js';
import { AGE_BANDS } from '../statistics/labour-event.entity.js';

/** One roll-up row: how many seekers (or vacancy positions) moved this way in a month. */
export interface FlowRow {
  subject: string;
  kind: string;
  sex: string;
  ageBand: string;
  education: string;
  total: number;
}

export type SexCells = { L: number; P: number; LP: number };
export type SeekerRow = Record<(typeof AGE_BANDS)[number], { L: number; P: number }> & { total: SexCells };
export type Grouped<K extends string> = Record<K | 'total', SexCells>;

/** The rows of an IPK table: 1, 2, A = 1 + 2, 3, 4, B = 3 + 4, 5 = A − B. */
export interface FlowTable<R> {
  carriedOver: R;
  registered: R;
  A: R;
  placed: R;
  removed: R;
  B: R;
  remaining: R;
}

const zeroSex = (): SexCells => ({ L: 0, P: 0, LP: 0 });

function seekerRow(): SeekerRow {
  const row = { total: zeroSex() } as SeekerRow;
  for (const band of AGE_BANDS) row[band] = { L: 0, P: 0 };
  return row;
}

/**
 * Adds seekers to a Part I row: into their age band (15+ only) and into the totals. `sign` is −1 for
 * the outflows carried forward.
 */
function addSeeker(row: SeekerRow, f: FlowRow, sign = 1): void {
  const sex = f.sex === 'P' ? 'P' : 'L';
  const band = row[f.ageBand as (typeof AGE_BANDS)[number]];
  if (band) band[sex] += sign * f.total;
  row.total[sex] += sign * f.total;
  row.total.LP += sign * f.total;
}

/** Vacancy positions by the sex asked for: L, P, and LP which also holds the "either sex" ones. */
function addVacancy(cells: SexCells, f: FlowRow, sign = 1): void {
  if (f.sex === 'L') cells.L += sign * f.total;
  if (f.sex === 'P') cells.P += sign * f.total;
  cells.LP += sign * f.total;
}

/** Adds a seeker to a by-education row (L, P, LP per level). */
function addSeekerByEducation(row: Grouped<string>, f: FlowRow, sign = 1): void {
  const sex = f.sex === 'P' ? 'P' : 'L';
  for (const key of [f.education, 'total']) {
    row[key] ??= zeroSex();
    row[key][sex] += sign * f.total;
    row[key].LP += sign * f.total;
  }
}

function addVacancyByEducation(row: Grouped<string>, f: FlowRow, sign = 1): void {
  for (const key of [f.education, 'total']) {
    row[key] ??= zeroSex();
    addVacancy(row[key], f, sign);
  }
}

/** Cell-wise a + sign·b over the same shape (numbers at the leaves). */
function combine<T>(a: T, b: T, sign: 1 | -1): T {
  if (typeof a === 'number') return ((a as number) + sign * (b as unknown as number)) as T;
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    const av = (a as Record<string, unknown>)[k];
    const bv = (b as Record<string, unknown>)[k];
    out[k] = combine(av ?? zeroLike(bv), bv ?? zeroLike(av), sign);
  }
  return out as T;
}

function zeroLike(v: unknown): unknown {
  if (typeof v === 'number') return 0;
  return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, zeroLike(x)]));
}

/**
 * Builds a flow table from the months before (`before`) and the month itself (`during`):
 * carried over = everything in minus everything out before the month, so row 5 of one month is by
 * construction row 1 of the next.
 */
function table<R>(
  make: () => R,
  add: (row: R, f: FlowRow, sign?: number) => void,
  outKind: string,
  before: FlowRow[],
  during: FlowRow[],
): FlowTable<R> {
  const carriedOver = make();
  for (const f of before) add(carriedOver, f, f.kind === 'REGISTERED' ? 1 : -1);
  const registered = make();
  const placed = make();
  const removed = make();
  for (const f of during) {
    if (f.kind === 'REGISTERED') add(registered, f);
    else if (f.kind === outKind) add(placed, f);
    else if (f.kind === 'REMOVED') add(removed, f);
  }
  const A = combine(carriedOver, registered, 1);
  const B = combine(placed, removed, 1);
  return { carriedOver, registered, A, placed, removed, B, remaining: combine(A, B, -1) };
}

function educationRow(): Grouped<string> {
  const row: Grouped<string> = { total: zeroSex() };
  for (const e of EDUCATION_LEVELS) row[e] = zeroSex();
  return row;
}

export function ipkIII1(before: FlowRow[], during: FlowRow[]) {
  const seekers = table(seekerRow, addSeeker, 'PLACED', before.filter(isSeeker), during.filter(isSeeker));
  const v = table(zeroSex, addVacancy, 'FILLED', before.filter(isVacancy), during.filter(isVacancy));
  return {
    seekers,
    vacancies: {
      carriedOver: v.carriedOver,
      registered: v.registered,
      C: v.A,
      filled: v.placed,
      removed: v.removed,
      D: v.B,
      remaining: v.remaining,
    },
  };
}

export function ipkIII2(before: FlowRow[], during: FlowRow[]) {
  return {
    seekers: table(educationRow, addSeekerByEducation, 'PLACED', before.filter(isSeeker), during.filter(isSeeker)),
  };
}

export function ipkIII4(before: FlowRow[], during: FlowRow[]) {
  const v = table(educationRow, addVacancyByEducation, 'FILLED', before.filter(isVacancy), during.filter(isVacancy));
  return {
    vacancies: {
      carriedOver: v.carriedOver,
      registered: v.registered,
      C: v.A,
      filled: v.placed,
      removed: v.removed,
      D: v.B,
      remaining: v.remaining,
    },
  };
}

const isSeeker = (f: FlowRow) => f.subject === 'SEEKER';
const isVacancy = (f: FlowRow) => f.subject === 'VACANCY';

/** Rows for CSV: one line per (row, column) path, so a spreadsheet can pivot it. */
export function flowTableToCsvRows(part: string, t: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [row, cells] of Object.entries(t)) {
    const flat: Record<string, unknown> = { part, row };
    walk(cells, '', flat);
    out.push(flat);
  }
  return out;
}

function walk(v: unknown, prefix: string, out: Record<string, unknown>): void {
  if (typeof v === 'number') {
    out[prefix] = v;
    return;
  }
  for (const [k, x] of Object.entries(v as object)) walk(x, prefix ? `${prefix}.${k}` : k, out);
}
