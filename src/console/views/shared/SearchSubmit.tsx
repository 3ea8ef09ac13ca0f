import type { Translator } from '../../i18n/i18n.js';

/** The search form's one button ("Cari"). */
export function SearchSubmit({ t }: { t: Translator }): JSX.Element {
  return (
    <div class="actions">
      <button class="btn primary" type="submit" safe>
        {t('search.submit')}
      </button>
    </div>
  );
}
