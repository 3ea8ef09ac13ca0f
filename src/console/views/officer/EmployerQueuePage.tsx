import { EMPLOYER_STATUSES } from '../../../employers/employer.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { EmployerQueueView } from '../../view-models/employers.js';
import { DataTable } from '../shared/DataTable.js';
import { Field } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { options } from '../shared/options.js';
import { Pager } from '../shared/Pager.js';
import { EmployerQueueRow } from './EmployerQueueRow.js';
import { SearchSubmit } from '../shared/SearchSubmit.js';
import { FoundCount } from '../shared/FoundCount.js';

/** The verification queue: companies by status (pending first), with the decisions each allows. */
export function EmployerQueuePage({ c, vm }: { c: ConsoleContext; vm: EmployerQueueView }): JSX.Element {
  const t = c.t;
  const columns = [
    { label: t('field.legalName') },
    { label: t('company.registeredAt') },
    { label: t('field.status') },
    { label: t('common.actions') },
  ];
  return (
    <Layout c={c} title={t('nav.employerQueue')}>
      <h1 safe>{t('nav.employerQueue')}</h1>
      <Flash c={c} flash={vm.flash} />
      <form novalidate method="get" action="/petugas/perusahaan" class="grid2" role="search">
        <Field
          name="status"
          label={t('field.status')}
          type="select"
          values={vm.filters}
          options={options(t, 'employer', EMPLOYER_STATUSES, t('search.any'))}
        />
        <Field name="q" label={t('officer.searchEmployer')} values={vm.filters} />
        <SearchSubmit t={t} />
      </form>
      <FoundCount t={t} n={vm.total} />
      {vm.rows.length ? (
        <DataTable columns={columns}>
          {vm.rows.map((row) => (
            <EmployerQueueRow c={c} row={row} back={vm.back} />
          ))}
        </DataTable>
      ) : (
        ''
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
