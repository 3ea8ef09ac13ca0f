import { KECAMATAN, kecamatanLabel } from '../../../common/reference/kecamatan.js';
import { attributeValue } from './attribute.js';
import type { ControlAttributes } from './FieldControl.js';

/** The suggestions, once: every kecamatan as `Name, Kota/Kabupaten X`, grouped by regency (code order). */
let suggestions: string[] | null = null;
function allSuggestions(): string[] {
  suggestions ??= [...KECAMATAN]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((k) => kecamatanLabel(k.code) ?? k.name);
  return suggestions;
}

/**
 * A "type to search" kecamatan field: a text input whose browser offers the matching kecamatan from
 * a server-rendered `<datalist>` as the person types (no script). A stored code is shown as its label.
 */
export function KecamatanInput(props: { value: string; common: ControlAttributes }): JSX.Element {
  const { value, common } = props;
  const listId = `${common.id}-list`;
  const shown = kecamatanLabel(value.trim()) ?? value;
  return (
    <>
      <input
        type="text"
        value={attributeValue(shown)}
        list={listId}
        autocomplete="off"
        spellcheck="false"
        {...common}
      />
      <datalist id={listId}>
        {allSuggestions().map((label) => (
          <option value={attributeValue(label)}></option>
        ))}
      </datalist>
    </>
  );
}
