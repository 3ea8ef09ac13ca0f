import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Layout } from '../shared/Layout.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { IpkMonthForm } from './IpkMonthForm.js';
import type { SexCells } from './IpkPage.js';
import { IpkStatus, type IpkMonthStatus } from './IpkStatus.js';
import { IpkTabs } from './IpkTabs.js';
import { OfficePicker, PlaceHeading, placeName, type ReportPlace } from './OfficePicker.js';

/** A flow column of the forms (1, 2, A, 3, 4, B, 5): its code and what it counts. */
export interface FlowColumn {
  code: string;
  key: MessageKey;
}

export type StockTableNo = '2' | '3' | '4' | '5' | '6' | '7';

/** A printed line: an education level's subtotal (bold), a detailed row under it, an ordinary row, the total. */
export interface StockLine {
  kind: 'level' | 'detail' | 'row' | 'total';
  code: string;
  /** The name the code list gives (Indonesian); levels are named from the dictionary. */
  label: string;
  /** A detailed row that is the level itself: the people without a detailed code. */
  withoutCode?: boolean;
  cells: SexCells[];
}

/** IPK III/2–III/7 for a month: one line per row of the form, a cell per flow column × L, P, L+P. */
export interface StockReportView {
  /** The office the report is about (and the picker, for an officer with offices below). */
  place?: ReportPlace;
  table: StockTableNo;
  year: number;
  month: number;
  status: IpkMonthStatus;
  flows: FlowColumn[];
  education: boolean;
  lines: StockLine[];
}

const TITLES: Record<StockTableNo, MessageKey> = {
  '2': 'ipk.title2',
  '3': 'ipk.title3',
  '4': 'ipk.title4',
  '5': 'ipk.title5',
  '6': 'ipk.title6',
  '7': 'ipk.title7',
};
const NOTES: Record<StockTableNo, MessageKey> = {
  '2': 'ipk.note2',
  '3': 'ipk.note3',
  '4': 'ipk.note4',
  '5': 'ipk.note5',
  '6': 'ipk.note6',
  '7': 'ipk.note7',
};
const GROUPING: Record<StockTableNo, MessageKey> = {
  '2': 'ipk.education',
  '3': 'ipk.groupOccupation',
  '4': 'ipk.education',
  '5': 'ipk.groupOccupation',
  '6': 'ipk.groupSector',
  '7': 'ipk.groupSector',
};

/** The name printed for a line. */
function lineLabel(c: ConsoleContext, line: StockLine, education: boolean): string {
  const t = c.t;
  if (line.kind === 'total') return t('ipk.total');
  // A level is named from the dictionary in English (the code lists' names are Indonesian).
  const level = education && (line.kind === 'level' || line.withoutCode) && t.has(`education.${line.code}`);
  const name = level && t.lang === 'en' ? t.label('education', line.code) : line.label;
  if (line.withoutCode) return t('ipk.withoutCode', { label: name });
  return education || line.code === '-' ? name : `${line.code} — ${name}`;
}

/** Any stock-and-flow table of the set (III/2–III/7): printable, with its CSV and Excel downloads. */
export function StockReportPage({ c, vm }: { c: ConsoleContext; vm: StockReportView }): JSX.Element {
  const t = c.t;
  const monthName = `${t.month(vm.month)} ${vm.year}`;
  const title = t(TITLES[vm.table]);
  const path = `/petugas/ipk/iii-${vm.table}`;
  return (
    <Layout c={c} title={`${title} · ${monthName}`}>
      <PlaceHeading c={c} title={title} place={vm.place} />
      <IpkTabs c={c} current={vm.table} year={vm.year} month={vm.month} place={vm.place} />
      <OfficePicker c={c} place={vm.place} action={path} keep={{ year: vm.year, month: vm.month }} />
      <IpkMonthForm c={c} path={path} year={vm.year} month={vm.month} place={vm.place} />
      <Facts>
        <Fact label={t('ipk.region')} text={vm.place ? placeName(c, vm.place) : c.office.name} />
        <Fact label={t('ipk.period')} text={monthName} />
        <IpkStatus c={c} status={vm.status} />
      </Facts>
      <div class="table-wrap" tabindex="0" role="region" aria-label={title}>
        <table class="ipk-wide">
          <thead>
            <tr>
              <th rowspan="2" safe>
                {t(GROUPING[vm.table])}
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
            {vm.lines.map((line) => (
              <tr class={line.kind === 'level' ? 'ipk-level' : line.kind === 'detail' ? 'ipk-detail' : undefined}>
                <th scope="row">
                  {line.kind === 'total' ? (
                    <strong safe>{t('ipk.total')}</strong>
                  ) : (
                    escapeHtml(lineLabel(c, line, vm.education))
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
      <h2 safe>{t('ipk.legend')}</h2>
      <Facts>
        {vm.flows.map((f) => (
          <Fact label={f.code} text={t(f.key).replace(/^[0-9A-D]\.\s*/, '')} />
        ))}
      </Facts>
      <p class="meta" safe>
        {t(NOTES[vm.table])}
      </p>
      {vm.education ? (
        <p class="meta" safe>
          {t('ipk.levelNote')}
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
