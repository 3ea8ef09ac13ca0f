import type { Type } from '@nestjs/common';
import { DomainError, type FieldIssue } from '../../common/domain-error.js';
import { kecamatanFromText } from '../../common/reference/kecamatan.js';
import { createValidationPipe } from '../../common/http/validation.js';

/**
 * How a form field becomes a JSON value of the API's DTO: text stays text; `int` and `money` become
 * numbers when they are numbers (else the text is kept so the DTO's own rule reports it); `list`
 * splits on commas or new lines; `bool` is a checkbox; `nik` and `phone` accept the way people type
 * them (see `normaliseNik`, `normalisePhone`); `code` is a reference code from a picker (`pickedCode`);
 * `kecamatan` takes the code, the suggested label or the bare name (`kecamatanFromText`). Names are the API's
 * field paths (`company.nib`), so the API's validation details map straight back onto the inputs.
 */
export type FieldKind = 'text' | 'int' | 'money' | 'list' | 'bool' | 'nik' | 'phone' | 'code' | 'kecamatan';

/**
 * A code typed into a picker, or a suggestion copied whole (`8344 — Operator forklift`): the code, its
 * first word. Anything else is kept as typed, for the API to refuse.
 */
export function pickedCode(text: string): string {
  const trimmed = text.trim();
  const code = /^([0-9A-Za-z_]+)(?:\s|$)/.exec(trimmed)?.[1];
  return code ? code.toUpperCase() : trimmed;
}

/** An NIK typed in groups (`1671 0514 0590 0001`, with dots or dashes): its digits. */
export function normaliseNik(text: string): string {
  const trimmed = text.trim();
  return /^[0-9 .-]+$/.test(trimmed) ? trimmed.replace(/[ .-]/g, '') : trimmed;
}

/**
 * A phone number as Indonesians write it — `(0711) 352233`, `+62 812-3456-7890`, `0812.3456.7890` —
 * in the API's form: digits, a leading `+`, single spaces and dashes (area code brackets dropped).
 */
export function normalisePhone(text: string): string {
  const trimmed = text.trim();
  if (!/^\+?[0-9 ().-]+$/.test(trimmed)) return trimmed;
  return trimmed
    .replace(/^\((\d+)\)\s*/, '$1 ')
    .replace(/[.]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Rupiah as people write it — `4.500.000`, `Rp 4.500.000`, `Rp4.500.000,-`, `4.500.000,00` — or null. */
export function parseRupiah(text: string): number | null {
  const digits = text
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/,(-|00?)$/, '')
    .replace(/[.\s]/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

export interface FieldSpec {
  name: string;
  kind?: FieldKind;
  /** An optional field left empty is absent (create) or null (`clear`, for PATCH-like edits). */
  optional?: boolean;
}

export type FormValues = Record<string, string>;

/** Problems of a refused form, by field path (the API's `details[].field`). */
export type FieldErrors = Record<string, string[]>;

/** A form as a page shows it: what was typed, the problems on fields, and one sentence for the rest. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors | null;
  problem: string | null;
}

/** A form shown for the first time. */
export function blankForm(values: FormValues = {}): FormState {
  return { values, errors: null, problem: null };
}

/** The submitted text of each field, for re-showing the form. Unknown fields (and `_csrf`) are ignored. */
export function formValues(specs: FieldSpec[], body: unknown): FormValues {
  const src = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out: FormValues = {};
  for (const s of specs) {
    const v = src[s.name];
    out[s.name] = typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
  }
  return out;
}

function convert(spec: FieldSpec, text: string, emptyOptional: undefined | null): unknown {
  const kind = spec.kind ?? 'text';
  if (kind === 'bool') return text === 'true' || text === 'on';
  const trimmed = text.trim();
  if (trimmed === '' && spec.optional) return emptyOptional;
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    case 'money':
      return parseRupiah(trimmed) ?? trimmed;
    case 'nik':
      return normaliseNik(trimmed);
    case 'phone':
      return normalisePhone(trimmed);
    case 'code':
      return pickedCode(trimmed);
    case 'kecamatan':
      return kecamatanFromText(trimmed) ?? trimmed;
    case 'list':
      return trimmed
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return spec.optional ? trimmed : text;
  }
}

/** The DTO body a form stands for: nested by the dots in the field names. */
export function formBody(
  specs: FieldSpec[],
  values: FormValues,
  opts: { emptyOptional?: 'absent' | 'null' } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const empty = opts.emptyOptional === 'null' ? null : undefined;
  for (const s of specs) {
    const value = convert(s, values[s.name] ?? '', empty);
    if (value === undefined) continue;
    const path = s.name.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = value;
  }
  return out;
}

const pipe = createValidationPipe();

/** Validates a body with the API's own DTO class and pipe: the same rules and the same error details. */
export async function validateAs<T extends object>(dto: Type<T>, body: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(body, { type: 'body', metatype: dto })) as T;
}

/** Field problems of a refused request, by field path, or null when it was not a validation refusal. */
export function fieldErrors(err: unknown): FieldErrors | null {
  if (!(err instanceof DomainError) || err.code !== 'VALIDATION_FAILED') return null;
  const out: FieldErrors = {};
  for (const d of (err.details ?? []) as FieldIssue[]) (out[d.field] ??= []).push(...d.messages);
  return out;
}
