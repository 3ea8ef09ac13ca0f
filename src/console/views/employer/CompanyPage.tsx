import type { ConsoleContext } from '../../http/console-context.js';
import type { CompanyView } from '../../view-models/employers.js';
import { Fact } from '../shared/Fact.js';
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
        <Fact label={t('field.companyAddress')} text={e.address} />
        <Fact label={t('field.kecamatan')} text={t.kecamatan(e.kecamatanCode)} />
        <Fact label={t('field.companyPhone')} text={e.phone} />
        <Fact label={t('company.registeredAt')} text={t.date(e.createdAt)} />
      </Facts>
    </Layout>
  );
}
