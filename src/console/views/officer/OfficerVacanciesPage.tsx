import type { Page } from '../../../common/http/pagination.js';
import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FlashModel } from '../../view-models/flash.js';
import type { PagerModel } from '../../view-models/pager.js';
import { Field } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { VacancyListItem } from '../public/VacancyListItem.js';
import { SearchSubmit } from '../shared/SearchSubmit.js';
import { FoundCount } from '../shared/FoundCount.js';

export interface OfficerVacanciesView {
  flash: FlashModel;
  query: Record<string, string>;
  result: Page<VacancyView>;
  pager: PagerModel;
}

/** Open vacancies (the public search, for the officer): each links to its referral page. */
export function OfficerVacanciesPage({ c, vm }: { c: ConsoleContext; vm: OfficerVacanciesView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('nav.officerVacancies')}>
      <h1 safe>{t('nav.officerVacancies')}</h1>
      <Flash c={c} flash={vm.flash} />
      <p safe>{t('referral.listIntro')}</p>
      <form novalidate method="get" action="/petugas/lowongan" role="search">
        <Field name="q" label={t('search.q')} values={vm.query} hint={t('search.qHint')} />
        <SearchSubmit t={t} />
      </form>
      <FoundCount t={t} n={vm.result.total} />
      <ul class="cards">
        {vm.result.items.map((v) => (
          <VacancyListItem c={c} v={v}>
            <p>
              <a class="btn secondary" href={`/petugas/lowongan/${v.id}`} safe>
                {t('referral.open')}
              </a>
            </p>
          </VacancyListItem>
        ))}
      </ul>
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
