import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { OfficeTreeView } from '../../view-models/offices.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';

export const OFFICE_FIELDS = ['code', 'level', 'name', 'parentId'] as const;

/**
 * "Kantor & petugas": the officer's office and those below it, each with its settings (and, for offices
 * below, a rename); the form that adds a province or a city for offices that have some under them.
 */
export function OfficesPage({ c, vm, form }: { c: ConsoleContext; vm: OfficeTreeView; form: FormState }): JSX.Element {
  const t = c.t;
  const level = (l: string) => t(`office.level.${l}` as MessageKey);
  const labels: Record<string, string> = {
    code: t('office.code'),
    level: t('office.level'),
    name: t('office.name'),
    parentId: t('office.parent'),
  };
  return (
    <Layout c={c} title={t('office.title')}>
      <h1 safe>{t('office.title')}</h1>
      <p safe>{t('office.intro')}</p>
      <Flash c={c} flash={vm.flash} />
      <p>
        <a class="btn" href="/petugas/kantor/petugas-baru" safe>
          {t('office.addOfficer')}
        </a>
      </p>
      <ul class="office-tree stack">
        {vm.rows.map((o) => (
          <li class={`card office-depth-${Math.min(o.depth, 3)}`}>
            <p>
              <strong safe>{o.name}</strong>
              {o.depth === 0 ? <span class="badge" safe>{` ${t('office.yours')}`}</span> : ''}
            </p>
            <p class="meta" safe>
              {`${level(o.level)} · ${o.code}${o.parentName ? ` · ${t('office.under', { parent: o.parentName })}` : ''}`}
            </p>
            <p>
              <a href={`/petugas/kantor/${o.id}/pengaturan`} safe>
                {t('office.settings')}
              </a>
              {o.canEdit ? (
                <>
                  {' · '}
                  <a href={`/petugas/kantor/${o.id}/ubah`} safe>
                    {t('office.edit')}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          </li>
        ))}
      </ul>
      {vm.creatable.length ? (
        <section>
          <h2 safe>{t('office.addTitle')}</h2>
          <p safe>{t('office.addIntro')}</p>
          <ErrorSummary c={c} errors={form.errors} labels={labels} problem={form.problem} />
          <form method="post" action="/petugas/kantor" class="stack" novalidate>
            <CsrfField c={c} />
            <Field
              name="level"
              label={labels.level}
              type="select"
              values={form.values}
              errors={form.errors}
              required
              options={vm.creatable.map((l) => ({ value: l, label: level(l) }))}
            />
            <Field
              name="parentId"
              label={labels.parentId}
              type="select"
              values={form.values}
              errors={form.errors}
              required
              options={vm.parents.map((p) => ({ value: p.id, label: `${p.name} (${level(p.level)})` }))}
            />
            <Field
              name="code"
              label={labels.code}
              values={form.values}
              errors={form.errors}
              required
              inputmode="numeric"
              hint={t('office.codeHint')}
            />
            <Field name="name" label={labels.name} values={form.values} errors={form.errors} required />
            <div class="actions">
              <button class="btn primary" type="submit" safe>
                {t('office.add')}
              </button>
            </div>
          </form>
        </section>
      ) : (
        <p class="meta" safe>
          {t('office.cityOnly')}
        </p>
      )}
    </Layout>
  );
}
