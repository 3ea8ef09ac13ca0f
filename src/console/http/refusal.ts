import { DomainError } from '../../common/domain-error.js';
import { errorText, localizeErrors, type LocalizeOptions } from '../i18n/errors.js';
import type { Translator } from '../i18n/i18n.js';
import { fieldErrors, type FormState, type FormValues } from './forms.js';

/** Conflicts the API reports as a code, shown on the field they are about. */
const CONFLICT_FIELDS: Record<string, string> = {
  DUPLICATE_EMAIL: 'email',
  DUPLICATE_NIK: 'nik',
  DUPLICATE_EMPLOYER: 'company.nib',
};

export interface Refusal {
  errors: Record<string, string[]> | null;
  problem: string | null;
  status: number;
}

/**
 * A refused form: the API's field errors (in the visitor's language), a conflict shown on its field,
 * or one sentence; with the API's status. Failures of ours (5xx, or not a DomainError) are rethrown
 * for the error page. `onField` adds codes a particular form shows on one of its fields; `opts` gives
 * what was typed (an empty field is "wajib diisi") and the form's own field sentences.
 */
export function refusal(
  t: Translator,
  err: unknown,
  onField: Record<string, string> = {},
  opts: LocalizeOptions = {},
): Refusal {
  if (!(err instanceof DomainError) || err.status >= 500) throw err;
  const errors = fieldErrors(err);
  if (errors) return { errors: localizeErrors(t, errors, opts), problem: null, status: 400 };
  const field = onField[err.code] ?? CONFLICT_FIELDS[err.code];
  if (field) {
    // Left empty, it is "wajib diisi", whatever the service made of the empty value.
    const empty = opts.values?.[field] !== undefined && opts.values[field].trim() === '';
    return {
      errors: { [field]: [empty ? t('form.requiredField') : errorText(t, err)] },
      problem: null,
      status: err.status,
    };
  }
  return { errors: null, problem: errorText(t, err), status: err.status };
}

/** The form as it was sent, with the refusal's errors, for showing it again. */
export function refusedForm(values: FormValues, r: Refusal): FormState {
  return { values, errors: r.errors, problem: r.problem };
}
