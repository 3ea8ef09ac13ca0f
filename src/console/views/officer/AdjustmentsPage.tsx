import type { ConsoleContext } from '../../http/console-context.js';
import type { PagerModel } from '../../view-models/pager.js';
import { DataTable } from '../shared/DataTable.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { monthText } from './ClosingPage.js';
import { IpkTabs } from './IpkTabs.js';
import { PlaceHeading, placeQuery, type ReportPlace } from './OfficePicker.js';

export interface AdjustmentLine {
  countedIn: string;
  subject: string;
  kind: string;
  positions: number;
  cause: string | null;
  recordedAt: string;
}

export interface AdjustmentsView {
  month: string;
  items: AdjustmentLine[];
  pager: PagerModel;
  /** The office whose month it is. */
  place?: ReportPlace;
}

/** The corrections of a closed month (GET /reports/periods/:month/adjustments), in words. */
export function AdjustmentsPage({ c, vm }: { c: ConsoleContext; vm: AdjustmentsView }): JSX.Element {
  const t = c.t;
  const month = monthText(c, vm.month);
  return (
    <Layout c={c} title={t('adj.title', { month })}>
      <PlaceHeading c={c} title={t('adj.title', { month })} place={vm.place} />
      <IpkTabs c={c} current="close" place={vm.place} />
      <p class="no-print">
        <a href={`/petugas/ipk/penutupan${placeQuery(vm.place, '?')}`} safe>
          {t('adj.back')}
        </a>
      </p>
      <p safe>{t('adj.intro', { month })}</p>
      {vm.items.length > 0 ? (
        <>
          <DataTable
            columns={[
              { label: t('adj.recordedAt') },
              { label: t('adj.what') },
              { label: t('adj.positions'), num: true },
              { label: t('adj.countedIn') },
              { label: t('adj.cause') },
            ]}
          >
            {vm.items.map((a) => (
              <tr>
                <td safe>{t.dateTime(a.recordedAt)}</td>
                <td safe>{`${t.label('adj.subject', a.subject)}: ${t.label('adj.kind', a.kind)}`}</td>
                <td class="num" safe>
                  {a.positions > 0 ? `+${t.number(a.positions)}` : t.number(a.positions)}
                </td>
                <td safe>{monthText(c, a.countedIn)}</td>
                <td safe>
                  {a.cause && t.has(`adj.cause.${a.cause}`) ? t.label('adj.cause', a.cause) : t('adj.cause.none')}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager c={c} pager={vm.pager} />
        </>
      ) : (
        <p safe>{t('adj.none')}</p>
      )}
    </Layout>
  );
}
