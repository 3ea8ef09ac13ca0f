import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Layout } from '../shared/Layout.js';
import { IpkMonthForm } from './IpkMonthForm.js';
import { IpkStatus, type IpkMonthStatus } from './IpkStatus.js';
import { IpkTabs } from './IpkTabs.js';
import { OfficePicker, PlaceHeading, placeName, type ReportPlace } from './OfficePicker.js';

export interface SexCells {
  L: number;
  P: number;
  LP: number;
}

/** A row of Part I: job seekers by age band and sex, and the totals. */
export interface IpkSeekerRow {
  label: MessageKey;
  bands: { L: number; P: number }[];
  total: SexCells;
}

/** A row of Part II: vacancy positions by the sex asked. */
export interface IpkVacancyRow {
  label: MessageKey;
  cells: SexCells;
}

/** IPK III/1 for a month. */
export interface IpkView {
  /** The office the report is about (and the picker, for an officer with offices below). */
  place?: ReportPlace;
  year: number;
  month: number;
  ageBands: readonly string[];
  seekers: IpkSeekerRow[];
  vacancies: IpkVacancyRow[];
  status: IpkMonthStatus;
}

/** IPK III/1: Part I by age band and sex, Part II by sex asked; printable, and CSV. */
export function IpkPage({ c, vm }: { c: ConsoleContext; vm: IpkView }): JSX.Element {
  const t = c.t;
  const monthName = `${t.month(vm.month)} ${vm.year}`;
  return (
    <Layout c={c} title={`${t('nav.ipk')} · ${monthName}`}>
      <PlaceHeading c={c} title={t('ipk.title')} place={vm.place} />
      <IpkTabs c={c} current="1" year={vm.year} month={vm.month} place={vm.place} />
      <OfficePicker c={c} place={vm.place} action={'/petugas/ipk'} keep={{ year: vm.year, month: vm.month }} />
      <IpkMonthForm c={c} path="/petugas/ipk" year={vm.year} month={vm.month} place={vm.place} />
      <Facts>
        <Fact label={t('ipk.region')} text={vm.place ? placeName(c, vm.place) : c.office.name} />
        <Fact label={t('ipk.period')} text={monthName} />
        <IpkStatus c={c} status={vm.status} />
      </Facts>
      <h2 safe>{t('ipk.part1')}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-label={t('ipk.part1')}>
        <table>
          <thead>
            <tr>
              <th rowspan="2" safe>
                {t('ipk.row')}
              </th>
              {vm.ageBands.map((b) => (
                <th colspan="2" class="num" safe>
                  {b}
                </th>
              ))}
              <th colspan="3" class="num" safe>
                {t('ipk.total')}
              </th>
            </tr>
            <tr>
              {vm.ageBands.map(() => (
                <>
                  <th class="num">L</th>
                  <th class="num">P</th>
                </>
              ))}
              <th class="num">L</th>
              <th class="num">P</th>
              <th class="num">L+P</th>
            </tr>
          </thead>
          <tbody>
            {vm.seekers.map((row) => (
              <tr>
                <th scope="row" safe>
                  {t(row.label)}
                </th>
                {row.bands.map((cell) => (
                  <>
                    <td class="num">{cell.L}</td>
                    <td class="num">{cell.P}</td>
                  </>
                ))}
                <td class="num">{row.total.L}</td>
                <td class="num">{row.total.P}</td>
                <td class="num">
                  <strong>{row.total.LP}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 safe>{t('ipk.part2')}</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-label={t('ipk.part2')}>
        <table>
          <thead>
            <tr>
              <th safe>{t('ipk.row')}</th>
              <th class="num">L</th>
              <th class="num">P</th>
              <th class="num">L+P</th>
            </tr>
          </thead>
          <tbody>
            {vm.vacancies.map((row) => (
              <tr>
                <th scope="row" safe>
                  {t(row.label)}
                </th>
                <td class="num">{row.cells.L}</td>
                <td class="num">{row.cells.P}</td>
                <td class="num">
                  <strong>{row.cells.LP}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="meta" safe>
        {t('ipk.note')}
      </p>
    </Layout>
  );
}
