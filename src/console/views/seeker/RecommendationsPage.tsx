import type { Recommendation } from '../../../matching/matching.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { PagerModel } from '../../view-models/pager.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { Pager } from '../shared/Pager.js';
import { matchReason } from '../shared/phrases.js';
import { VacancyListItem } from '../public/VacancyListItem.js';

export interface RecommendationsView {
  items: Recommendation[];
  pager: PagerModel;
  /** Recorded as hired: no recommendations, a word instead. */
  placed: boolean;
}

/** Vacancies that fit the job seeker, best first, with what matches and what is missing. */
export function RecommendationsPage({ c, vm }: { c: ConsoleContext; vm: RecommendationsView }): JSX.Element {
  const t = c.t;
  const reasons = (codes: string[]) => codes.map((m) => matchReason(t, m)).join(', ');
  return (
    <Layout c={c} title={t('nav.recommendations')}>
      <h1 safe>{t('nav.recommendations')}</h1>
      {vm.placed ? <Notice kind="info" text={t('seeker.placedNoRecommendations')} /> : <p safe>{t('match.intro')}</p>}
      {vm.placed ? (
        ''
      ) : vm.items.length ? (
        <ul class="cards">
          {vm.items.map((r) => (
            <VacancyListItem c={c} v={r.vacancy}>
              <p>
                <strong safe>{t('match.score', { score: r.score })}</strong>
              </p>
              {r.matched.length ? (
                <p class="meta" safe>
                  {`✔ ${t('match.matched')}: ${reasons(r.matched)}`}
                </p>
              ) : (
                ''
              )}
              {r.missing.length ? (
                <p class="meta" safe>
                  {`✘ ${t('match.missing')}: ${reasons(r.missing)}`}
                </p>
              ) : (
                ''
              )}
            </VacancyListItem>
          ))}
        </ul>
      ) : (
        <p safe>{t('match.none')}</p>
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
