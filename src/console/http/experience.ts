import type { WorkExperience } from '../../seekers/profile.js';
import type { FieldSpec, FormValues } from './forms.js';

/** As many entries as the API takes (`experience`: at most 30). */
export const EXPERIENCE_MAX = 30;
export const EXPERIENCE_PARTS = ['position', 'company', 'fromYear', 'toYear'] as const;

const nameOf = (row: number, part: (typeof EXPERIENCE_PARTS)[number]) => `experience.${row}.${part}`;

/** The inputs of the work experience rows, named by the API's field paths (`experience.0.position`). */
export const EXPERIENCE_FORM: FieldSpec[] = Array.from({ length: EXPERIENCE_MAX }, (_, row) =>
  EXPERIENCE_PARTS.map((part) => ({ name: nameOf(row, part) })),
).flat();

/**
 * The rows a person filled in, blank ones dropped and the rest numbered from 0 again, so that the
 * API's errors (`experience.1.fromYear`) point at the row the form shows second.
 */
export function experienceRows(values: FormValues): FormValues {
  const out: FormValues = {};
  let next = 0;
  for (let row = 0; row < EXPERIENCE_MAX; row++) {
    const cells = EXPERIENCE_PARTS.map((part) => (values[nameOf(row, part)] ?? '').trim());
    if (cells.every((cell) => cell === '')) continue;
    EXPERIENCE_PARTS.forEach((part, i) => (out[nameOf(next, part)] = cells[i]));
    next++;
  }
  return out;
}

/** How many rows `experienceRows` holds. */
export function experienceCount(rows: FormValues): number {
  let n = 0;
  while (nameOf(n, 'position') in rows) n++;
  return n;
}

/** A year typed as digits becomes a number; anything else stays text for the DTO's own rule to refuse. */
const year = (text: string): number | string => (/^\d{1,4}$/.test(text) ? Number(text) : text);

/** The `experience` array of the API's body; a blank "to" year means "still working there". */
export function experienceBody(rows: FormValues): Record<string, unknown>[] {
  return Array.from({ length: experienceCount(rows) }, (_, row) => {
    const to = rows[nameOf(row, 'toYear')];
    return {
      position: rows[nameOf(row, 'position')],
      company: rows[nameOf(row, 'company')],
      fromYear: year(rows[nameOf(row, 'fromYear')]),
      ...(to ? { toYear: year(to) } : {}),
    };
  });
}

/** A profile's entries as form values. */
export function experienceValues(list: WorkExperience[]): FormValues {
  const out: FormValues = {};
  list.slice(0, EXPERIENCE_MAX).forEach((e, row) => {
    out[nameOf(row, 'position')] = e.position;
    out[nameOf(row, 'company')] = e.company;
    out[nameOf(row, 'fromYear')] = String(e.fromYear);
    out[nameOf(row, 'toYear')] = e.toYear === undefined || e.toYear === null ? '' : String(e.toYear);
  });
  return out;
}
