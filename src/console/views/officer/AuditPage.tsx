import { escapeHtml } from '@kitajs/html';
import type { AuditEventView } from '../../../audit/audit-query.service.js';
import type { AuditSubjects } from '../../audit-names.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { PagerModel } from '../../view-models/pager.js';
import { DataTable } from '../shared/DataTable.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { Pager } from '../shared/Pager.js';
import { auditSentence } from './audit-sentence.js';
import { SearchSubmit } from '../shared/SearchSubmit.js';
import { FoundCount } from '../shared/FoundCount.js';

/** The kinds of object the log can be narrowed to, in the order the filter offers them. */
export const AUDIT_ENTITY_TYPES = [
  'employer',
  'seeker',
  'card',
  'vacancy',
  'application',
  'placement',
  'referral',
  'user',
];

export interface AuditRow {
  event: AuditEventView;
  subjects: AuditSubjects;
}

export interface AuditView {
  /** The filters: `entityType`, `from`, `to` on the form; `entityId`, `actorId` from a row's links. */
  form: FormState;
  /** The events found, or null when the filters were refused. */
  rows: AuditRow[] | null;
  total: number;
  pager: PagerModel | null;
  /** Who or what the list is narrowed to by a row's link, by name. */
  narrowedTo: string | null;
}

/**
 * The audit log as sentences with names ("Rina menyetujui kartu AK1 Siti … dengan nomor …"), newest
 * first; the filter by kind of object and period, in words. A row's links narrow the log to that
 * person or that object, so nobody types an id.
 */
export function AuditPage({ c, vm }: { c: ConsoleContext; vm: AuditView }): JSX.Element {
  const t = c.t;
  const { values, errors } = vm.form;
  const labels = { entityType: t('audit.entityType'), from: t('field.from'), to: t('field.to') };
  const types = [
    { value: '', label: t('search.any') },
    ...AUDIT_ENTITY_TYPES.map((x) => ({ value: x, label: t.label('entity', x) })),
  ];
  const columns = [{ label: t('audit.when') }, { label: t('audit.what') }, { label: t('audit.actor') }];
  const link = (params: Record<string, string>) => `/petugas/audit?${new URLSearchParams(params).toString()}`;
  return (
    <Layout c={c} title={t('nav.audit')}>
      <h1 safe>{t('nav.audit')}</h1>
      <p safe>{t('audit.intro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      {vm.narrowedTo ? (
        <Notice kind="info">
          {escapeHtml(t('audit.narrowed', { name: vm.narrowedTo }))}{' '}
          <a href="/petugas/audit" safe>
            {t('audit.showAll')}
          </a>
        </Notice>
      ) : (
        ''
      )}
      <form novalidate method="get" action="/petugas/audit" role="search">
        {values.entityId ? <Hidden name="entityId" value={values.entityId} /> : ''}
        {values.actorId ? <Hidden name="actorId" value={values.actorId} /> : ''}
        <div class="grid2">
          <Field
            name="entityType"
            label={labels.entityType}
            type="select"
            values={values}
            errors={errors}
            options={types}
          />
          <div></div>
          <Field name="from" label={labels.from} type="date" values={values} errors={errors} />
          <Field name="to" label={labels.to} type="date" values={values} errors={errors} />
        </div>
        <SearchSubmit t={t} />
      </form>
      {vm.rows ? <FoundCount t={t} n={vm.total} /> : ''}
      {vm.rows?.length ? (
        <DataTable columns={columns}>
          {vm.rows.map(({ event: e, subjects }) => (
            <tr>
              <td safe>{t.dateTime(e.occurredAt)}</td>
              <td>
                {escapeHtml(auditSentence(t, e, subjects))}
                <br />
                <a class="meta" href={link({ entityType: e.entityType, entityId: e.entityId })} safe>
                  {t('audit.historyOf', {
                    what: t.has(`entity.${e.entityType}`) ? t.label('entity', e.entityType) : t('audit.object'),
                  })}
                </a>
              </td>
              <td>
                {escapeHtml(subjects.actor ?? t('audit.system'))}
                {e.actorRole && e.actorRole !== 'system' ? (
                  <>
                    <br />
                    <span class="meta" safe>
                      {t.label('role', e.actorRole)}
                    </span>
                  </>
                ) : (
                  ''
                )}
                {e.actorId ? (
                  <>
                    <br />
                    <a class="meta" href={link({ actorId: e.actorId })} safe>
                      {t('audit.actionsOf')}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        ''
      )}
      {vm.pager ? <Pager c={c} pager={vm.pager} /> : ''}
    </Layout>
  );
}
