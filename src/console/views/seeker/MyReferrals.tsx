import { escapeHtml } from '@kitajs/html';
import type { Translator } from '../../i18n/i18n.js';
import type { MyReferralRow } from '../../view-models/referrals.js';

/** "Rujukan dari Disnaker": the vacancies the office referred this seeker to, with the way to apply. */
export function MyReferrals({ t, rows }: { t: Translator; rows: MyReferralRow[] }): JSX.Element {
  if (rows.length === 0) return '';
  return (
    <section aria-labelledby="my-referrals">
      <h2 id="my-referrals" safe>
        {t('seekerReferral.title')}
      </h2>
      <p safe>{t('seekerReferral.intro')}</p>
      <ul class="cards">
        {rows.map(({ referral: r, mayApply }) => (
          <li class="card">
            <h3 safe>{r.vacancy.title}</h3>
            <p>
              {escapeHtml(
                t('seekerReferral.item', {
                  title: r.vacancy.title,
                  company: r.vacancy.employer.legalName,
                  date: t.date(r.referredAt),
                }),
              )}
            </p>
            {r.note ? (
              <p>
                <strong safe>{`${t('seekerReferral.note')}: `}</strong>
                {escapeHtml(r.note)}
              </p>
            ) : (
              ''
            )}
            <p>
              {mayApply ? (
                <a class="btn primary" href={`/lowongan/${r.vacancy.id}`} safe>
                  {t('seekerReferral.apply')}
                </a>
              ) : (
                <span class="meta" safe>
                  {r.applicationId ? t('seekerReferral.applied') : t('seekerReferral.closed')}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
