import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Layout } from '../shared/Layout.js';
import { IpkMonthForm } from './IpkMonthForm.js';
import type { SexCells } from './IpkPage.js';
import { IpkStatus, type IpkMonthStatus } from './IpkStatus.js';
import { IpkTabs } from './IpkTabs.js';
import { OfficePicker, PlaceHeading, placeName, type ReportPlace } from './OfficePicker.js';
import type { StockLine } from './StockReportPage.js';

/** One part of III/8: lines with the cells AKL, AKAD, AKAN and the total (each L, P, L+P). */
export interface PlacementPart {
  title: MessageKey;
  grouping: MessageKey;
  education: boolean;
  lines: (Omit<StockLine, 'cells'> & { cells: SexCells[] })[];
}

/** IPK III/8 for a month: the placements by type, by education and by kind of receiving employer. */
export interface PlacementReportView {
  /** The office the report is about (and the picker, for an officer with offices below). */
  place?: ReportPlace;
  year: number;
  month: number;
  status: IpkMonthStatus;
  parts: PlacementPart[];
}

const TYPES: [MessageKey, MessageKey][] = [
  ['ipk.AKL', 'ipk.AKLlong'],
  ['ipk.AKAD', 'ipk.AKADlong'],
  ['ipk.AKAN', 'ipk.AKANlong'],
];

function label(c: ConsoleContext, line: PlacementPart['lines'][number], education: boolean): string {
  const t = c.t;
  const level = education && (line.kind === 'level' || line.withoutCode) && t.has(`education.${line.code}`);
  const name = level && t.lang === 'en' ? t.label('education', line.code) : line.label;
  return line.withoutCode ? t('ipk.withoutCode', { label: name }) : name;
}

export function PlacementReportPage({ c, vm }: { c: ConsoleContext; vm: PlacementReportView }): JSX.Element {
  const t = c.t;
  const monthName = `${t.month(vm.month)} ${vm.year}`;
  const title = t('ipk.title8');
  return (
    <Layout c={c} title={`${title} · ${monthName}`}>
      <PlaceHeading c={c} title={title} place={vm.place} />
      <IpkTabs c={c} current="8" year={vm.year} month={vm.month} place={vm.place} />
      <OfficePicker c={c} place={vm.place} action={'/petugas/ipk/iii-8'} keep={{ year: vm.year, month: vm.month }} />
      <IpkMonthForm c={c} path="/petugas/ipk/iii-8" year={vm.year} month={vm.month} place={vm.place} />
      <Facts>
        <Fact label={t('ipk.region')} text={vm.place ? placeName(c, vm.place) : c.office.name} />
        <Fact label={t('ipk.period')} text={monthName} />
        <IpkStatus c={c} status={vm.status} />
      </Facts>
      {vm.parts.map((part) => (
        <>
          <h2 safe>{t(part.title)}</h2>
          <div class="table-wrap" tabindex="0" role="region" aria-label={t(part.title)}>
            <table class="ipk-wide">
              <thead>
                <tr>
                  <th rowspan="2" safe>
                    {t(part.grouping)}
                  </th>
                  {TYPES.map(([short, long]) => (
                    <th colspan="3" class="num">
                      <abbr title={t(long)} safe>
                        {t(short)}
                      </abbr>
                    </th>
                  ))}
                  <th colspan="3" class="num" safe>
                    {t('ipk.total')}
                  </th>
                </tr>
                <tr>
                  {[...TYPES, null].map(() => (
                    <>
                      <th class="num">L</th>
                      <th class="num">P</th>
                      <th class="num">L+P</th>
                    </>
                  ))}
                </tr>
              </thead>
              <tbody>
                {part.lines.map((line) => (
                  <tr class={line.kind === 'level' ? 'ipk-level' : line.kind === 'detail' ? 'ipk-detail' : undefined}>
                    <th scope="row">
                      {line.kind === 'total' ? (
                        <strong safe>{t('ipk.total')}</strong>
                      ) : (
                        escapeHtml(label(c, line, part.education))
                      )}
                    </th>
                    {line.cells.map((x) => (
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
        </>
      ))}
      <h2 safe>{t('ipk.legend')}</h2>
      <Facts>
        {TYPES.map(([short, long]) => (
          <Fact label={t(short)} text={t(long)} />
        ))}
      </Facts>
      <p class="meta" safe>
        {t('ipk.note8')}
      </p>
    </Layout>
  );
}
