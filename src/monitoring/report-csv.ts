/**
 * The IPK tables as CSV rows: one line per table row, its cells as columns (`carriedOver.L`, …,
 * `AKAD.LP`), the total last. The CSV interceptor writes them.
 */
type Cells = Record<string, { L: number; P: number; LP: number }>;

function flat(prefix: Record<string, unknown>, cells: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...prefix };
  for (const [col, v] of Object.entries(cells)) {
    if (!v || typeof v !== 'object') continue;
    for (const sex of ['L', 'P', 'LP'] as const) out[`${col}.${sex}`] = (v as Cells[string])[sex];
  }
  return out;
}

interface TableLike {
  rows: ({ code: string; label: string; level?: string } & Record<string, unknown>)[];
  total: Record<string, unknown>;
}

function tableRows(period: unknown, part: string | null, t: TableLike): Record<string, unknown>[] {
  const head = (code: string, label: string, level?: string) => ({
    period,
    ...(part ? { part } : {}),
    code,
    label,
    level: level ?? '',
  });
  return [...t.rows.map((r) => flat(head(r.code, r.label, r.level), r)), flat(head('total', 'Jumlah'), t.total)];
}

export const stockRows = (r: Record<string, unknown>) => tableRows(r.period, null, r as unknown as TableLike);

export const ipkIII8Rows = (r: Record<string, unknown>) => [
  ...tableRows(r.period, 'byEducation', r.byEducation as TableLike),
  ...tableRows(r.period, 'byEmployerKind', r.byEmployerKind as TableLike),
];
