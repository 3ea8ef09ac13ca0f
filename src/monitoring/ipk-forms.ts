import type { SexCells } from './ipk-report.js';
import { formatDate, monthName } from '../console/i18n/format.js';

/**
 * How the official forms (Kepdirjen Binapenta 268/2012) lay out each IPK table: its number, title,
 * grouping column and flow columns. Shared by the XLSX workbook and the console's printable pages, so
 * both print the same rows in the same order.
 */
export type StockFormNo = '2' | '3' | '4' | '5' | '6' | '7';

export interface StockForm {
  no: StockFormNo;
  /** The form's title, as printed (Indonesian). */
  title: string;
  /** The grouping column's heading. */
  grouping: string;
  /** Seekers (placed) or vacancy positions (filled): what column 3 counts. */
  out: 'placed' | 'filled';
  /** Education tables list level subtotals before their detailed rows. */
  education: boolean;
}

export const STOCK_FORMS: Record<StockFormNo, StockForm> = {
  '2': {
    no: '2',
    title: 'Pencari Kerja yang Terdaftar, Ditempatkan dan Dihapuskan menurut Tingkat Pendidikan',
    grouping: 'Tingkat Pendidikan',
    out: 'placed',
    education: true,
  },
  '3': {
    no: '3',
    title: 'Pencari Kerja yang Terdaftar, Ditempatkan dan Dihapuskan menurut Golongan Pokok Jabatan',
    grouping: 'Golongan Pokok Jabatan (KBJI 2014)',
    out: 'placed',
    education: false,
  },
  '4': {
    no: '4',
    title: 'Lowongan Kerja yang Terdaftar, Dipenuhi dan Dihapuskan menurut Tingkat Pendidikan',
    grouping: 'Tingkat Pendidikan',
    out: 'filled',
    education: true,
  },
  '5': {
    no: '5',
    title: 'Lowongan Kerja yang Terdaftar, Dipenuhi dan Dihapuskan menurut Golongan Pokok Jabatan',
    grouping: 'Golongan Pokok Jabatan (KBJI 2014)',
    out: 'filled',
    education: false,
  },
  '6': {
    no: '6',
    title: 'Lowongan Kerja yang Terdaftar, Dipenuhi dan Dihapuskan menurut Golongan Pokok Lapangan Usaha',
    grouping: 'Golongan Pokok Lapangan Usaha (KBLI 2020)',
    out: 'filled',
    education: false,
  },
  '7': {
    no: '7',
    title: 'Penempatan Tenaga Kerja menurut Golongan Pokok Lapangan Usaha',
    grouping: 'Golongan Pokok Lapangan Usaha (KBLI 2020)',
    out: 'placed',
    education: false,
  },
};

export const IKHTISAR_TITLE = 'Ikhtisar Statistik Antar Kerja';
export const PLACEMENT_TITLE = 'Penempatan Tenaga Kerja menurut Jenis Penempatan (AKL, AKAD, AKAN)';

/** The flow columns of the form: 1, 2, A = 1 + 2, 3, 4, B = 3 + 4, 5 = A − B. */
export type FlowKey = 'carriedOver' | 'registered' | 'A' | 'out' | 'removed' | 'B' | 'remaining';
export const FLOW_COLUMNS: { key: FlowKey; code: string }[] = [
  { key: 'carriedOver', code: '1' },
  { key: 'registered', code: '2' },
  { key: 'A', code: 'A=1+2' },
  { key: 'out', code: '3' },
  { key: 'removed', code: '4' },
  { key: 'B', code: 'B=3+4' },
  { key: 'remaining', code: '5' },
];

/** The form's heading of each flow column (Indonesian), for seekers or vacancy positions. */
export function flowHeading(key: FlowKey, out: 'placed' | 'filled'): string {
  const seekers = out === 'placed';
  switch (key) {
    case 'carriedOver':
      return seekers ? 'Sisa akhir bulan lalu' : 'Sisa lowongan akhir bulan lalu';
    case 'registered':
      return 'Terdaftar bulan ini';
    case 'A':
      return 'Jumlah';
    case 'out':
      return seekers ? 'Ditempatkan bulan ini' : 'Dipenuhi bulan ini';
    case 'removed':
      return 'Dihapuskan bulan ini';
    case 'B':
      return 'Jumlah';
    case 'remaining':
      return 'Sisa akhir bulan ini';
  }
}

export interface StockCellsLike {
  carriedOver: SexCells;
  registered: SexCells;
  placed?: SexCells;
  filled?: SexCells;
  removed: SexCells;
  remaining: SexCells;
}

const ZERO: SexCells = { L: 0, P: 0, LP: 0 };
const plus = (a: SexCells, b: SexCells): SexCells => ({ L: a.L + b.L, P: a.P + b.P, LP: a.LP + b.LP });

/** A row's seven cells in the form's order (A and B added up here: the API leaves them out). */
export function flowCells(row: StockCellsLike): SexCells[] {
  const out = row.placed ?? row.filled ?? ZERO;
  return [
    row.carriedOver,
    row.registered,
    plus(row.carriedOver, row.registered),
    out,
    row.removed,
    plus(out, row.removed),
    row.remaining,
  ];
}

export interface CodedRow {
  code: string;
  label: string;
  level?: string;
}

/** One printed line of a table: a level subtotal (bold), a detailed row under it, or an ordinary row. */
export interface FormLine<R extends CodedRow> {
  kind: 'level' | 'detail' | 'row';
  row: R;
}

const isZero = (v: unknown): boolean => {
  if (typeof v === 'number') return v === 0;
  if (v && typeof v === 'object') return Object.values(v).every(isZero);
  return true;
};

/**
 * The lines of a table as printed. Education tables: each level's subtotal (from `levels`, else added
 * up from its rows), then its detailed rows that have figures — the row whose code is the level itself
 * holds the people without a detailed code and is printed as such. Other tables: every row.
 */
export function formLines<R extends CodedRow>(
  rows: R[],
  levels: R[] | undefined,
  education: boolean,
  sum: (rows: R[], level: string) => R,
): FormLine<R>[] {
  if (!education) return rows.map((row) => ({ kind: 'row', row }));
  const order: string[] = [];
  for (const r of levels ?? []) if (!order.includes(r.code)) order.push(r.code);
  for (const r of rows) if (r.level && !order.includes(r.level)) order.push(r.level);
  const lines: FormLine<R>[] = [];
  for (const level of order) {
    const mine = rows.filter((r) => r.level === level);
    const subtotal = levels?.find((l) => l.code === level) ?? sum(mine, level);
    lines.push({ kind: 'level', row: subtotal });
    for (const r of mine) {
      const { code: _c, label: _l, level: _v, ...cells } = r;
      void _c;
      void _l;
      void _v;
      if (!isZero(cells)) lines.push({ kind: 'detail', row: r });
    }
  }
  for (const r of rows) if (!r.level) lines.push({ kind: 'row', row: r });
  return lines;
}

/** Adds up placement rows (III/8) of one level: each column's L, P and L+P. */
export function sumCells<R extends CodedRow>(rows: R[], level: string, label: string, columns: string[]): R {
  const out: Record<string, unknown> = { code: level, label, level };
  for (const c of columns) {
    const cell = { ...ZERO };
    for (const r of rows) {
      const v = (r as unknown as Record<string, SexCells>)[c];
      if (v) for (const k of ['L', 'P', 'LP'] as const) cell[k] += v[k];
    }
    out[c] = cell;
  }
  return out as unknown as R;
}

/** A month's name as the forms print it (the console's own names). */
export const indonesianMonth = (m: number): string => monthName(m, 'id');

/** `2026-11-27T08:04:00Z` → `27 November 2026` (its day in Asia/Jakarta), as the console writes dates. */
export const indonesianDate = (instant: string): string => formatDate(instant, 'id');

/** A checksum as printed: its first 16 hex digits. */
export const shortChecksum = (checksum: string): string => checksum.slice(0, 16);
