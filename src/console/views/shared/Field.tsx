import { escapeHtml } from '@kitajs/html';
import type { FieldErrors, FormValues } from '../../http/forms.js';
import { FieldControl, type ControlAttributes } from './FieldControl.js';

export interface FieldProps {
  name: string;
  label: string;
  values: FormValues;
  errors?: FieldErrors | null;
  /**
   * `kecamatan`: a text field with the kecamatan of the reference list as suggestions (a `<datalist>`,
   * ordered by regency, no script needed); it shows a known code as its label (`Ilir Timur I, Kota
   * Palembang`) and takes back the code, that label or the bare name (forms.ts, kind `kecamatan`).
   */
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'tel' | 'textarea' | 'select' | 'checkbox' | 'kecamatan';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
  rows?: number;
  /** The id of a `<datalist>` of suggestions (a code picker that works without JavaScript). */
  list?: string;
  /**
   * Makes the ids unique when the same form appears more than once on a page (one hire form per
   * applicant): `f-<idPrefix>-<name>`.
   */
  idPrefix?: string;
}

/**
 * The id of a field's input, from its name (`company.nib` → `f-company-nib`), for labels and links;
 * with a prefix for a form repeated on the page (`f-3f2a…-startDate`).
 */
export function fieldId(name: string, idPrefix?: string): string {
  const id = name.replace(/[^A-Za-z0-9]+/g, '-');
  return idPrefix ? `f-${idPrefix.replace(/[^A-Za-z0-9]+/g, '-')}-${id}` : `f-${id}`;
}

/**
 * A labelled input with its hint and, when the API refused it, its errors: the input is marked
 * aria-invalid and described by the error text, so screen readers read why.
 */
export function Field(o: FieldProps): JSX.Element {
  const id = fieldId(o.name, o.idPrefix);
  const value = o.values[o.name] ?? '';
  const messages = o.errors?.[o.name] ?? null;
  const describedBy = [o.hint ? `${id}-hint` : '', messages ? `${id}-err` : ''].filter(Boolean).join(' ');
  const common: ControlAttributes = {
    id,
    name: o.name,
    required: o.required,
    'aria-invalid': messages ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  };
  const hint = o.hint ? (
    <p class="hint" id={`${id}-hint`} safe>
      {o.hint}
    </p>
  ) : (
    ''
  );
  const error = messages ? (
    <p class="field-error" id={`${id}-err`} safe>
      {messages.join(' ')}
    </p>
  ) : (
    ''
  );
  if (o.type === 'checkbox') {
    return (
      <div class={['field check', messages && 'invalid']}>
        <input type="checkbox" value="true" checked={value === 'true' || value === 'on'} {...common} />
        <label for={id} safe>
          {o.label}
        </label>
        {hint}
        {error}
      </div>
    );
  }
  return (
    <div class={['field', messages && 'invalid']}>
      <label for={id}>
        {escapeHtml(o.label)}
        {o.required ? (
          <>
            {' '}
            <span class="req" aria-hidden="true">
              *
            </span>
          </>
        ) : (
          ''
        )}
      </label>
      {hint}
      <FieldControl field={o} value={value} common={common} />
      {error}
    </div>
  );
}
