import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Hidden } from '../shared/Hidden.js';

export interface ReferFormProps {
  c: ConsoleContext;
  vacancyId: string;
  seeker: { id: string; fullName: string };
}

/**
 * "Rujuk…" on a candidate's row: an optional note, read by the seeker and the employer, then the
 * referral (POST /vacancies/:id/referrals). Its input's id carries the seeker's id, so the rows of a
 * page never share one.
 */
export function ReferForm({ c, vacancyId, seeker }: ReferFormProps): JSX.Element {
  const t = c.t;
  const noteId = `refer-note-${seeker.id}`;
  return (
    <details>
      <summary safe>{t('referral.refer')}</summary>
      <form
        method="post"
        action={`/petugas/lowongan/${vacancyId}/rujuk`}
        class="stack"
        novalidate
        data-confirm={t('referral.referConfirm', { name: seeker.fullName })}
      >
        <CsrfField c={c} />
        <Hidden name="seekerId" value={seeker.id} />
        <div class="field">
          <label for={noteId} safe>
            {t('referral.note')}
          </label>
          <p class="hint" id={`${noteId}-hint`} safe>
            {t('referral.noteHint')}
          </p>
          <textarea id={noteId} name="note" rows="2" maxlength="1000" aria-describedby={`${noteId}-hint`}></textarea>
        </div>
        <button class="btn primary" type="submit" safe>
          {t('referral.referSubmit', { name: seeker.fullName })}
        </button>
      </form>
    </details>
  );
}
