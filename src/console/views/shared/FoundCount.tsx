import type { Translator } from '../../i18n/i18n.js';

/** How many a search found, announced to screen readers when the page changes. */
export function FoundCount({ t, n }: { t: Translator; n: number }): JSX.Element {
  return (
    <p role="status" safe>
      {t('search.found', { n })}
    </p>
  );
}
