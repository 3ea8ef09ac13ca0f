import { EDUCATION_LEVELS } from '../common/reference/education.js';
import { KBJI_MAJOR_GROUPS, KBLI_SECTION_LABELS, UNKNOWN_CODE } from '../common/reference/classification.js';
import type { SexCells } from './ipk-report.js';

/**
 * IPK III/2 to III/8 from the monthly roll-up. III/2–III/7 are stock-and-flow tables, one row per code:
 * carried over (everything in minus everything out before the month), registered, out by placement
 * (`placed`, seekers and III/7) or by a hire (`filled`, vacancy positions), removed otherwise, remaining
 * = carried over + registered − placed − removed. III/8 counts the month's placements by type.
 * Pure: the rows come from ReportsService, the labels from the code lists.
 */

/** A roll-up row grouped by what a table needs: `code` is the table's dimension. */
export interface CodeFlow {
  subject: string;
  kind: string;
  sex: string;
  /** The table's dimension (education code or level, KBJI group, KBLI section, kind, …). */
  code: string;
  /** The placement type (III/8), the channel (III/7); '' otherwise. */
  extra: string;
  /** The education level, in the education tables. */
  level?: string;
  total: number;
}

export interface StockRow {
  code: string;
  label: string;
  level?: string;
  carriedOver: SexCells;
  registered: SexCells;
  placed?: SexCells;
  filled?: SexCells;
  removed: SexCells;
  remaining: SexCells;
}

export interface StockTable {
  rows: StockRow[];
  total: Omit<StockRow, 'code' | 'label' | 'level'>;
  /** Education tables: one subtotal per level (the rows of that level added up). */
  levels?: StockRow[];
}

export type Labels = (code: string) => string | undefined;

const zero = (): SexCells => ({ L: 0, P: 0, LP: 0 });

type Column = 'carriedOver' | 'registered' | 'out' | 'removed';

/** Seekers: by their sex. Vacancy positions: by the sex asked; "either sex" counts in LP only. */
function addCells(cells: SexCells, sex: string, n: number): void {
  if (sex === 'L' || sex === 'P') cells[sex] += n;
  cells.LP += n;
}

interface Accumulator {
  carriedOver: SexCells;
  registered: SexCells;
  out: SexCells;
  removed: SexCells;
}

const emptyAcc = (): Accumulator => ({ carriedOver: zero(), registered: zero(), out: zero(), removed: zero() });

function finish(acc: Accumulator, outName: 'placed' | 'filled') {
  const remaining = zero();
  for (const k of ['L', 'P', 'LP'] as const)
    remaining[k] = acc.carriedOver[k] + acc.registered[k] - acc.out[k] - acc.removed[k];
  return {
    carriedOver: acc.carriedOver,
    registered: acc.registered,
    [outName]: acc.out,
    removed: acc.removed,
    remaining,
  } as Omit<StockRow, 'code' | 'label'>;
}

/**
 * One stock table. `flows` before the month count into carried over (in +, out −); during the month into
 * their column. `entry` maps a flow to the column(s) it adds to (several for a direct placement in III/7).
 */
export function stockTable(opts: {
  before: CodeFlow[];
  during: CodeFlow[];
  outName: 'placed' | 'filled';
  /** The rows always shown, in order (others appear when they have figures, after them). */
  fixed: { code: string; label: string; level?: string }[];
  labels: Labels;
  entry: (f: CodeFlow) => { column: Exclude<Column, 'carriedOver'>; sign: 1 | -1 }[];
  levelOf?: (f: CodeFlow) => string | undefined;
  order?: (a: StockRow, b: StockRow) => number;
}): StockTable {
  const accs = new Map<string, { acc: Accumulator; level?: string }>();
  const accOf = (f: CodeFlow) => {
    let a = accs.get(f.code);
    if (!a) accs.set(f.code, (a = { acc: emptyAcc(), level: opts.levelOf?.(f) }));
    return a.acc;
  };
  for (const f of opts.before)
    for (const e of opts.entry(f)) {
      const sign = e.column === 'registered' ? e.sign : -e.sign;
      addCells(accOf(f).carriedOver, f.sex, sign * f.total);
    }
  for (const f of opts.during) for (const e of opts.entry(f)) addCells(accOf(f)[e.column], f.sex, e.sign * f.total);

  const rows: StockRow[] = [];
  const seen = new Set<string>();
  for (const r of opts.fixed) {
    seen.add(r.code);
    rows.push({ ...r, ...finish(accs.get(r.code)?.acc ?? emptyAcc(), opts.outName) });
  }
  const extra: StockRow[] = [];
  for (const [code, { acc, level }] of accs) {
    if (seen.has(code) || isEmpty(acc)) continue;
    extra.push({
      code,
      label: opts.labels(code) ?? code,
      ...(level ? { level } : {}),
      ...finish(acc, opts.outName),
    });
  }
  rows.push(...extra);
  if (opts.order) rows.sort(opts.order);
  return { rows, total: sumRows(rows, opts.outName) };
}

function isEmpty(acc: Accumulator): boolean {
  return Object.values(acc).every((c: SexCells) => c.L === 0 && c.P === 0 && c.LP === 0);
}

function sumRows(rows: StockRow[], outName: 'placed' | 'filled'): Omit<StockRow, 'code' | 'label' | 'level'> {
  const acc = emptyAcc();
  for (const r of rows)
    for (const [col, key] of [
      ['carriedOver', 'carriedOver'],
      ['registered', 'registered'],
      ['out', outName],
      ['removed', 'removed'],
    ] as const)
      for (const k of ['L', 'P', 'LP'] as const) acc[col][k] += r[key]![k];
  return finish(acc, outName);
}

/** The columns an ordinary flow adds to: in, out by placement/hire, out otherwise. */
function plainEntry(outKind: 'PLACED' | 'FILLED') {
  return (f: CodeFlow): { column: Exclude<Column, 'carriedOver'>; sign: 1 | -1 }[] => {
    if (f.kind === 'REGISTERED') return [{ column: 'registered', sign: 1 }];
    if (f.kind === outKind) return [{ column: 'out', sign: 1 }];
    if (f.kind === 'REMOVED') return [{ column: 'removed', sign: 1 }];
    return [];
  };
}

const LEVEL_RANK = new Map<string, number>(EDUCATION_LEVELS.map((l, i) => [l, i]));

/** Education rows: the level alone (code = the level) and each detailed code seen, in level order. */
function educationTable(
  before: CodeFlow[],
  during: CodeFlow[],
  outName: 'placed' | 'filled',
  labels: Labels,
  levelLabel: Labels,
): StockTable {
  const t = stockTable({
    before,
    during,
    outName,
    fixed: EDUCATION_LEVELS.map((l) => ({ code: l, label: levelLabel(l) ?? l, level: l })),
    labels,
    entry: plainEntry(outName === 'placed' ? 'PLACED' : 'FILLED'),
    levelOf: (f) => f.level,
    order: (a, b) =>
      (LEVEL_RANK.get(a.level ?? '') ?? 99) - (LEVEL_RANK.get(b.level ?? '') ?? 99) ||
      Number(isLevel(b.code)) - Number(isLevel(a.code)) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  });
  const levels = EDUCATION_LEVELS.map((l) => {
    const rows = t.rows.filter((r) => r.level === l);
    return { code: l, label: levelLabel(l) ?? l, level: l, ...sumRows(rows, outName) };
  });
  return { ...t, levels };
}

const isLevel = (code: string) => LEVEL_RANK.has(code);

const unknownRow = { code: UNKNOWN_CODE, label: 'Tidak diketahui' };

export interface TableLabels {
  education: Labels;
  level: Labels;
  employerKind: Labels;
  /** The active kinds of receiving employer, in list order: III/8's second part shows each. */
  employerKinds: { code: string; label: string }[];
}

export function ipkIII2(before: CodeFlow[], during: CodeFlow[], l: TableLabels): StockTable {
  return educationTable(before, during, 'placed', l.education, l.level);
}

export function ipkIII4(before: CodeFlow[], during: CodeFlow[], l: TableLabels): StockTable {
  return educationTable(before, during, 'filled', l.education, l.level);
}

const kbjiRows = [...KBJI_MAJOR_GROUPS.map(([code, label]) => ({ code, label })), unknownRow];
const kbliRows = [...KBLI_SECTION_LABELS.map(([code, label]) => ({ code, label })), unknownRow];

/** III/3 seekers and III/5 vacancy positions by KBJI major group. */
export function ipkByOccupation(before: CodeFlow[], during: CodeFlow[], outName: 'placed' | 'filled'): StockTable {
  return stockTable({
    before,
    during,
    outName,
    fixed: kbjiRows,
    labels: () => undefined,
    entry: plainEntry(outName === 'placed' ? 'PLACED' : 'FILLED'),
  });
}

/** III/6 vacancy positions by KBLI section of the employer. */
export function ipkIII6(before: CodeFlow[], during: CodeFlow[]): StockTable {
  return stockTable({
    before,
    during,
    outName: 'filled',
    fixed: kbliRows,
    labels: () => undefined,
    entry: plainEntry('FILLED'),
  });
}

/**
 * III/7 placements by KBLI section: the positions of the section's vacancies (registered, filled by a
 * placement, removed) and the placements made without a vacancy, which enter and are placed in the same
 * month. Rows: vacancy flows (`extra` = 'VACANCY') and seekers placed directly (`extra` = 'D').
 */
export function ipkIII7(before: CodeFlow[], during: CodeFlow[]): StockTable {
  return stockTable({
    before,
    during,
    outName: 'placed',
    fixed: kbliRows,
    labels: () => undefined,
    entry: (f) => {
      if (f.subject === 'SEEKER')
        return f.kind === 'PLACED' && f.extra === 'D'
          ? [
              { column: 'registered', sign: 1 },
              { column: 'out', sign: 1 },
            ]
          : [];
      return plainEntry('FILLED')(f);
    },
  });
}

export const PLACEMENT_TYPE_COLUMNS = ['AKL', 'AKAD', 'AKAN'] as const;

export interface PlacementRow {
  code: string;
  label: string;
  level?: string;
  AKL: SexCells;
  AKAD: SexCells;
  AKAN: SexCells;
  total: SexCells;
}

export interface PlacementTable {
  rows: PlacementRow[];
  total: Omit<PlacementRow, 'code' | 'label' | 'level'>;
}

/**
 * III/8: the month's placements (seekers placed, net of placements voided while the month was open) by
 * type — AKL, AKAD, AKAN (a placement recorded before the type existed counts as AKL) — once by the
 * education of the person placed, once by the kind of receiving employer.
 */
export function ipkIII8(byEducation: CodeFlow[], byEmployerKind: CodeFlow[], l: TableLabels) {
  const education = placementTable(
    byEducation,
    EDUCATION_LEVELS.map((lv) => ({ code: lv, label: l.level(lv) ?? lv, level: lv })),
    l.education,
  );
  education.rows.sort(
    (a, b) =>
      (LEVEL_RANK.get(a.level ?? '') ?? 99) - (LEVEL_RANK.get(b.level ?? '') ?? 99) ||
      Number(isLevel(b.code)) - Number(isLevel(a.code)) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    byEducation: education,
    byEmployerKind: placementTable(byEmployerKind, [...l.employerKinds, unknownRow], l.employerKind),
  };
}

function placementTable(
  flows: CodeFlow[],
  fixed: { code: string; label: string; level?: string }[],
  labels: Labels,
): PlacementTable {
  const rows = new Map<string, PlacementRow>();
  const rowOf = (code: string, level?: string): PlacementRow => {
    let r = rows.get(code);
    if (!r) {
      const label = fixed.find((f) => f.code === code)?.label ?? labels(code) ?? code;
      r = { code, label, ...(level ? { level } : {}), AKL: zero(), AKAD: zero(), AKAN: zero(), total: zero() };
      rows.set(code, r);
    }
    return r;
  };
  for (const f of fixed) rowOf(f.code, f.level);
  for (const f of flows) {
    if (f.subject !== 'SEEKER' || f.kind !== 'PLACED') continue;
    const row = rowOf(f.code, f.level);
    const type = (PLACEMENT_TYPE_COLUMNS as readonly string[]).includes(f.extra)
      ? (f.extra as (typeof PLACEMENT_TYPE_COLUMNS)[number])
      : 'AKL';
    addCells(row[type], f.sex, f.total);
    addCells(row.total, f.sex, f.total);
  }
  const list = [...rows.values()].filter(
    (r) => fixed.some((f) => f.code === r.code) || r.total.LP !== 0 || r.total.L !== 0 || r.total.P !== 0,
  );
  const total = { AKL: zero(), AKAD: zero(), AKAN: zero(), total: zero() };
  for (const r of list)
    for (const c of ['AKL', 'AKAD', 'AKAN', 'total'] as const)
      for (const k of ['L', 'P', 'LP'] as const) total[c][k] += r[c][k];
  return { rows: list, total };
}
