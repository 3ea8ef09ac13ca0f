import type { Type } from '@nestjs/common';
import { DomainError, type FieldIssue } from '../../common/domain-error.js';
import { createValidationPipe } from '../../common/http/validation.js';

/**
 * How a form field becomes a JSON value of the API's DTO: text stays text; `int` and `money` become
 * numbers when they are numbers (else the text is kept so the DTO's own rule reports it); `list`
 * splits on commas or new lines; `bool` is a checkbox. Names are the API's field paths
 * (`company.nib`), so the API's validation details map straight back onto the inputs.
 */
export type FieldKind = 'text' | 'int' | 'money' | 'list' | 'bool';

export interface FieldSpec {
  name: string;
  kind?: FieldKind;
  /** An optional field left empty is absent (create) or null (`clear`, for PATCH-like edits). */
  optional?: boolean;
}

export type FormValues = Record<string, string>;

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
    case 'money': {
      // People write rupiah as "4.500.000", "4500000" or "Rp 4.500.000".
      const digits = trimmed.replace(/^rp\.?\s*/i, '').replace(/[.\s]/g, '');
      return /^\d+$/.test(digits) ? Number(digits) : trimmed;
    }
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
export function formBody(specs: FieldSpec[], values: FormValues, opts: { emptyOptional?: 'absent' | 'null' } = {}): Record<string, unknown> {
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
export function fieldErrors(err: unknown): Record<string, string[]> | null {
  if (!(err instanceof DomainError) || err.code !== 'VALIDATION_FAILED') return null;
  const out: Record<string, string[]> = {};
  for (const d of (err.details ?? []) as FieldIssue[]) (out[d.field] ??= []).push(...d.messages);
  return out;
}
