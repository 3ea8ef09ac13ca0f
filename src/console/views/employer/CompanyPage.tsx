import type { ConsoleContext } from '../../http/console-context.js';
import type { CompanyView } from '../../view-models/employers.js';
import { codeSelectOptions } from '../shared/CodeDatalist.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Fact } from '../shared/Fact.js';
import { Field } from '../shared/Field.js';
import { Facts } from '../shared/Facts.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { CompanyStatusNotice } from './CompanyStatusNotice.js';

/** The HR staff's home: the company's status, what to do next (or meanwhile), and its data. */
export function CompanyPage({ c, vm }: { c: ConsoleContext; vm: CompanyView }): JSX.Element {
  const t = c.t;
  const e = vm.employer;
  return (
    <Layout c={c} title={t('nav.company')}>
      <h1 safe>{e.legalName}</h1>
      <Flash c={c} flash={vm.flash} />
      <p>
        <StatusBadge t={t} group="employer" code={e.status} />
      </p>
      <CompanyStatusNotice t={t} e={e} />
      {vm.actions.actAsVerified ? (
        <div class="actions">
          <a class="btn primary" href="/perusahaan/lowongan/baru" safe>
            {t('employer.newVacancy')}
          </a>{' '}
          <a class="btn secondary" href="/perusahaan/cek-kartu" safe>
            {t('nav.checkCard')}
          </a>
        </div>
      ) : (
        ''
      )}
      {e.status === 'PENDING' ? (
        <>
          <h2 safe>{t('company.meanwhile')}</h2>
          <ul>
            <li safe>{t('company.meanwhile1')}</li>
            <li safe>{t('company.meanwhile2')}</li>
            <li safe>{t('company.meanwhile3')}</li>
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 safe>{t('company.data')}</h2>
      <Facts>
        <Fact label={t('field.nib')} text={e.nib} />
        <Fact label={t('field.npwp')} text={e.npwp ?? '–'} />
        <Fact label={t('field.kbli')} text={e.kbli} />
        <Fact label={t('field.employerKind')} text={vm.kinds.find((k) => k.code === e.kind)?.label ?? '–'} />
        <Fact label={t('field.companyAddress')} text={e.address} />
        <Fact label={t('field.kecamatan')} text={t.kecamatan(e.kecamatanCode)} />
        <Fact label={t('field.companyPhone')} text={e.phone} />
        <Fact label={t('company.registeredAt')} text={t.date(e.createdAt)} />
      </Facts>
      {vm.kinds.length > 0 ? (
        <form method="post" action="/perusahaan/jenis" class="stack" novalidate>
          <CsrfField c={c} />
          <Field
            name="kind"
            label={t('field.employerKind')}
            type="select"
            values={{ kind: e.kind }}
            options={codeSelectOptions(vm.kinds, t('common.choose'))}
            hint={t('hint.employerKind')}
          />
          <div class="actions">
            <button class="btn secondary" type="submit" safe>
              {t('employer.kindSave')}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
