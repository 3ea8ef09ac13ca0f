import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Layout } from '../shared/Layout.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { IpkMonthForm } from './IpkMonthForm.js';
import type { SexCells } from './IpkPage.js';
import { IpkTabs } from './IpkTabs.js';

/** A flow row of the forms (1, 2, A, 3, 4, B, 5): its code and what it counts. */
export interface FlowColumn {
  code: string;
  key: MessageKey;
}

/** IPK III/2 (job seekers) or III/4 (vacancy positions) by education level, for a month. */
export interface EducationReportView {
  kind: 'III-2' | 'III-4';
  year: number;
  month: number;
  flows: FlowColumn[];
  /** One row per education level (its code), then the total; a cell per flow. */
  rows: { level: string | 'total'; label?: string; cells: SexCells[] }[];
}

export function EducationReportPage({ c, vm }: { c: ConsoleContext; vm: EducationReportView }): JSX.Element {
  const t = c.t;
  const monthName = `${t.month(vm.month)} ${vm.year}`;
  const title = t(vm.kind === 'III-2' ? 'ipk.title2' : 'ipk.title4');
  const path = vm.kind === 'III-2' ? '/petugas/ipk/iii-2' : '/petugas/ipk/iii-4';
  return (
    <Layout c={c} title={`${title} · ${monthName}`}>
      <h1 safe>{title}</h1>
      <IpkTabs c={c} current={vm.kind} year={vm.year} month={vm.month} />
      <IpkMonthForm c={c} path={path} year={vm.year} month={vm.month} />
      <Facts>
        <Fact label={t('ipk.region')} text={c.office.name} />
        <Fact label={t('ipk.period')} text={monthName} />
      </Facts>
      <div class="table-wrap" tabindex="0" role="region" aria-label={title}>
        <table class="ipk-wide">
          <thead>
            <tr>
              <th rowspan="2" safe>
                {t('ipk.education')}
              </th>
              {vm.flows.map((f) => (
                <th colspan="3" class="num">
                  <abbr title={t(f.key)} safe>
                    {f.code}
                  </abbr>
                </th>
              ))}
            </tr>
            <tr>
              {vm.flows.map(() => (
                <>
                  <th class="num">L</th>
                  <th class="num">P</th>
                  <th class="num">L+P</th>
                </>
              ))}
            </tr>
          </thead>
          <tbody>
            {vm.rows.map((row) => (
              <tr>
                <th scope="row">
                  {row.level === 'total' ? (
                    <strong safe>{t('ipk.total')}</strong>
                  ) : (
                    escapeHtml(row.label ?? t.label('education', row.level))
                  )}
                </th>
                {row.cells.map((x) => (
                  <>
                    <td class="num">{x.L}</td>
                    <td class="num">{x.P}</td>
                    <td class="num">
                      <strong>{x.LP}</strong>
                    </td>
                  </>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 safe>{t('ipk.legend')}</h2>
      <Facts>
        {vm.flows.map((f) => (
          <Fact label={f.code} text={t(f.key).replace(/^[0-9A-D]\.\s*/, '')} />
        ))}
      </Facts>
      <p class="meta" safe>
        {t(vm.kind === 'III-2' ? 'ipk.note2' : 'ipk.note4')}
      </p>
    </Layout>
  );
}
