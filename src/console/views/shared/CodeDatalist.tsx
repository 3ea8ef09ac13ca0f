import { PLACEMENT_TYPES } from '../../../placements/placement.entity.js';
import type { Translator } from '../../i18n/i18n.js';

/** One suggestion of a code picker. */
export interface CodeOption {
  code: string;
  label: string;
}

/** The types of placement (IPK III/8), for when the work location is not known. */
export function placementTypeOptions(t: Translator): { value: string; label: string }[] {
  return [
    { value: '', label: t('common.choose') },
    ...PLACEMENT_TYPES.map((p) => ({ value: p, label: t(`placementType.${p}`) })),
  ];
}

/** A short list (the kinds of employer) as a select's options, the empty "choose" first. */
export function codeSelectOptions(options: CodeOption[], choose: string): { value: string; label: string }[] {
  return [{ value: '', label: choose }, ...options.map((o) => ({ value: o.code, label: o.label }))];
}

/**
 * The suggestions of a code picker: a text field with `list` shows them as the person types (by code or
 * by name), and takes a code typed by hand all the same — no script, no drop-down of hundreds of rows.
 */
export function CodeDatalist({ id, options }: { id: string; options: CodeOption[] }): JSX.Element {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option value={o.code} safe>
          {`${o.code} — ${o.label}`}
        </option>
      ))}
    </datalist>
  );
}
