import { KECAMATAN, kecamatanLabel } from '../../../common/reference/kecamatan.js';
import type { Translator } from '../../i18n/i18n.js';

export interface Option {
  value: string;
  label: string;
}

/** The options of a select of codes, labelled from the dictionary's `group`, after an optional blank one. */
export function options(t: Translator, group: string, codes: readonly string[], empty?: string): Option[] {
  const list = codes.map((code) => ({ value: code, label: t.label(group, code) }));
  return empty === undefined ? list : [{ value: '', label: empty }, ...list];
}

/**
 * Every kecamatan of the reference list (South Sumatra), labelled with its regency (`Ilir Timur I, Kota
 * Palembang`) and ordered by it, after a blank option labelled `empty`: for the filters that stay selects
 * (public search, a campaign's audience); forms use the type-to-search field (Field type `kecamatan`).
 */
export function kecamatanOptions(empty: string): Option[] {
  return [
    { value: '', label: empty },
    ...KECAMATAN.map((k) => ({ value: k.code, label: kecamatanLabel(k.code) ?? k.name })),
  ];
}

/** Any / yes / no, for a boolean filter. */
export function yesNoOptions(t: Translator): Option[] {
  return [
    { value: '', label: t('search.any') },
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
}
