import { attributeValue } from './attribute.js';
import { KecamatanInput } from './KecamatanInput.js';
import type { FieldProps } from './Field.js';

/** The attributes every control of a field carries, in this order. */
export interface ControlAttributes {
  id: string;
  name: string;
  required: boolean | undefined;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The input of a field: a text area, a select, or an input of the field's type (numbers are text
 * inputs with a numeric keyboard, so "4.500.000" can be typed). Passwords are never sent back.
 */
export function FieldControl(props: { field: FieldProps; value: string; common: ControlAttributes }): JSX.Element {
  const { field: o, value, common } = props;
  if (o.type === 'textarea') {
    return (
      <textarea {...common} rows={String(o.rows ?? 4)} safe>
        {value}
      </textarea>
    );
  }
  if (o.type === 'select') {
    return (
      <select {...common}>
        {(o.options ?? []).map((opt) => (
          <option value={opt.value} selected={opt.value === value} safe>
            {opt.label}
          </option>
        ))}
      </select>
    );
  }
  if (o.type === 'kecamatan') return <KecamatanInput value={value} common={common} />;
  const type = o.type ?? 'text';
  const inputmode = o.inputmode ?? (type === 'number' ? 'numeric' : undefined);
  return (
    <input
      type={type === 'number' ? 'text' : type}
      value={type === 'password' ? '' : attributeValue(value)}
      autocomplete={o.autocomplete}
      inputmode={inputmode}
      list={o.list}
      {...common}
    />
  );
}
