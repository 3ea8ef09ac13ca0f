/**
 * CSV output: RFC 4180 quoting, UTF-8, and formula-injection neutralised — a text cell starting with
 * `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading apostrophe so a spreadsheet shows it
 * as text instead of evaluating it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  let text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.map((v) => String(v)).join('; ')
        : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** Flattens nested objects to dotted keys (`employer.legalName`); arrays stay whole (joined in the cell). */
export function flattenRow(
  row: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date))
      flattenRow(v as Record<string, unknown>, key, out);
    else out[key] = v;
  }
  return out;
}
