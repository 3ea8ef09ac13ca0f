import type { Translator } from '../../i18n/i18n.js';

/** A status as a coloured label: `group` names the dictionary's labels (`card`, `vacancy`, …). */
export function StatusBadge({ t, group, code }: { t: Translator; group: string; code: string | null | undefined }) {
  return (
    <span class={`badge b-${(code ?? 'none').toLowerCase()}`} safe>
      {t.label(group, code)}
    </span>
  );
}
