import type { Translator } from '../../i18n/i18n.js';

/** "Terlambat lapor": a six-monthly report past its due date. */
export function OverdueBadge({ t }: { t: Translator }): JSX.Element {
  return (
    <span class="badge b-pending" safe>
      {t('card.overdueShort')}
    </span>
  );
}
