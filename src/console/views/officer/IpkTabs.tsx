import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';

export type IpkReportKind = 'III-1' | 'III-2' | 'III-4';

const TABS: [IpkReportKind, string, MessageKey][] = [
  ['III-1', '/petugas/ipk', 'ipk.tab1'],
  ['III-2', '/petugas/ipk/iii-2', 'ipk.tab2'],
  ['III-4', '/petugas/ipk/iii-4', 'ipk.tab4'],
];

/** The tabs between the three monthly reports, keeping the month. */
export function IpkTabs(props: { c: ConsoleContext; current: IpkReportKind; year: number; month: number }) {
  const { c, current, year, month } = props;
  return (
    <nav class="tabs no-print" aria-label={c.t('ipk.reports')}>
      <ul>
        {TABS.map(([kind, href, key]) => (
          <li>
            <a href={`${href}?year=${year}&month=${month}`} aria-current={kind === current ? 'page' : undefined} safe>
              {c.t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
