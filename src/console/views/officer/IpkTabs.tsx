import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { placeQuery, type ReportPlace } from './OfficePicker.js';

/** A tab of the IPK pages: a table ('1'…'8') or the closing of months. */
export type IpkReportKind = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | 'close';

const TABS: [IpkReportKind, string, MessageKey][] = [
  ['1', '/petugas/ipk', 'ipk.tab1'],
  ['2', '/petugas/ipk/iii-2', 'ipk.tab2'],
  ['3', '/petugas/ipk/iii-3', 'ipk.tab3'],
  ['4', '/petugas/ipk/iii-4', 'ipk.tab4'],
  ['5', '/petugas/ipk/iii-5', 'ipk.tab5'],
  ['6', '/petugas/ipk/iii-6', 'ipk.tab6'],
  ['7', '/petugas/ipk/iii-7', 'ipk.tab7'],
  ['8', '/petugas/ipk/iii-8', 'ipk.tab8'],
];

/**
 * The tabs between the eight monthly tables (keeping the month and the office chosen) and the closing of
 * months; they wrap on a phone.
 */
export function IpkTabs(props: {
  c: ConsoleContext;
  current: IpkReportKind;
  year?: number;
  month?: number;
  place?: ReportPlace;
}) {
  const { c, current, year, month, place } = props;
  const query = year && month ? `?year=${year}&month=${month}${placeQuery(place)}` : placeQuery(place, '?');
  return (
    <nav class="tabs no-print" aria-label={c.t('ipk.reports')}>
      <ul>
        {TABS.map(([kind, href, key]) => (
          <li>
            <a href={`${href}${query}`} aria-current={kind === current ? 'page' : undefined} safe>
              {c.t(key)}
            </a>
          </li>
        ))}
        <li>
          <a
            href={`/petugas/ipk/penutupan${placeQuery(place, '?')}`}
            aria-current={current === 'close' ? 'page' : undefined}
            safe
          >
            {c.t('ipk.tabClose')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
