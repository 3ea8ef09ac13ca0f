import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from '../shared/CsrfField.js';

/** An officer closes a vacancy (POST /vacancies/:id/close as officer), saying why. */
export function CloseVacancyForm({ c, vacancyId }: { c: ConsoleContext; vacancyId: string }): JSX.Element {
  const t = c.t;
  return (
    <>
      <h2 safe>{t('referral.closeTitle')}</h2>
      <p safe>{t('referral.closeIntro')}</p>
      <form
        method="post"
        action={`/petugas/lowongan/${vacancyId}/tutup`}
        class="stack"
        novalidate
        data-confirm={t('referral.closeConfirm')}
      >
        <CsrfField c={c} />
        <div class="field">
          <label for="f-close-reason" safe>
            {t('officer.reason')}
          </label>
          <textarea id="f-close-reason" name="reason" rows="2" required minlength="3" maxlength="500"></textarea>
        </div>
        <div class="actions">
          <button class="btn danger" type="submit" safe>
            {t('referral.close')}
          </button>
        </div>
      </form>
    </>
  );
}
