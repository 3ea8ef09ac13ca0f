import type { VacancySearchResult } from '../../../search/vacancy-search.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FieldErrors } from '../../http/forms.js';
import type { FlashModel } from '../../view-models/flash.js';
import { pagerOf } from '../../view-models/pager.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { FacetList } from './FacetList.js';
import { SearchFilters } from './SearchFilters.js';
import { VacancyListItem } from './VacancyListItem.js';

/** The public vacancy search: the filters as typed, and the results, or the filters' problems. */
export interface SearchView {
  query: Record<string, string>;
  flash: FlashModel;
  result: VacancySearchResult | null;
  errors: FieldErrors | null;
}

export function SearchPage({ c, vm }: { c: ConsoleContext; vm: SearchView }): JSX.Element {
  const t = c.t;
  const { query, result } = vm;
  const filters = (
    <aside>
      <SearchFilters c={c} values={query} errors={vm.errors} />
    </aside>
  );
  if (!result) {
    return (
      <Layout c={c} title={t('search.title')}>
        <h1 safe>{t('search.title')}</h1>
        <div class="search">
          {filters}
          <section>
            <ErrorSummary c={c} errors={vm.errors} labels={{}} />
          </section>
        </div>
      </Layout>
    );
  }
  const f = result.facets;
  return (
    <Layout c={c} title={t('search.title')}>
      <h1 safe>{t('search.title')}</h1>
      <Flash c={c} flash={vm.flash} />
      <div class="search">
        {filters}
        <section aria-label={t('search.results')}>
          <p role="status">
            <strong safe>{t('search.found', { n: result.total })}</strong>
          </p>
          {result.items.length ? (
            <ul class="cards">
              {result.items.map((v) => (
                <VacancyListItem c={c} v={v} />
              ))}
            </ul>
          ) : (
            <p safe>{t('search.none')}</p>
          )}
          <Pager c={c} pager={pagerOf('/', query, result)} />
          <section aria-labelledby="facets-h">
            <h2 id="facets-h" safe>
              {t('search.facets')}
            </h2>
            <FacetList
              c={c}
              title={t('field.employmentType')}
              param="employmentType"
              counts={f.employmentType}
              label={(x) => t.label('employment', x)}
              query={query}
            />
            <FacetList
              c={c}
              title={t('field.kecamatan')}
              param="kecamatanCode"
              counts={f.kecamatanCode}
              label={(x) => t.kecamatan(x)}
              query={query}
            />
            <FacetList
              c={c}
              title={t('search.educationMin')}
              param="educationLevel"
              counts={f.educationMin}
              label={(x) => t.label('education', x)}
              query={query}
            />
          </section>
        </section>
      </div>
    </Layout>
  );
}
