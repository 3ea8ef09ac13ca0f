import type { MonitoringOutcomesReply, OutcomeMonthReply } from '../../../monitoring/dto/monitoring.reply.js';
import type { MonitoringSummary } from '../../../monitoring/monitoring.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { BarChart } from '../charts/BarChart.js';
import { Gauge } from '../charts/Gauge.js';
import { PairedColumns } from '../charts/PairedColumns.js';
import { DataTable } from '../shared/DataTable.js';
import { Layout } from '../shared/Layout.js';
import { KpiList } from './KpiList.js';
import { OfficePicker, PlaceHeading, placeQuery, type ReportPlace } from './OfficePicker.js';
import { PeriodForm } from './PeriodForm.js';

export interface DashboardView {
  from: string;
  to: string;
  summary: MonitoringSummary;
  /** Cards issued and placements in each of the last six months (`start`: its first day). */
  months: { start: string; issued: number; placements: number }[];
  /** Cards and vacancies that closed in the period, and how many with a known outcome. */
  outcomes: MonitoringOutcomesReply;
  /** The same per month, for the last six months. */
  outcomeMonths: OutcomeMonthReply[];
  /** The office counted (and the picker, for an officer with offices below). */
  place?: ReportPlace;
}

/** The officer's dashboard: the monitoring summary for a period, as figures, charts and a table. */
export function DashboardPage({ c, vm }: { c: ConsoleContext; vm: DashboardView }): JSX.Element {
  const t = c.t;
  const { from, to, summary: s } = vm;
  const months = vm.months.map((m) => ({
    label: `${t.month(Number(m.start.slice(5, 7))).slice(0, 3)} ${m.start.slice(2, 4)}`,
    a: m.issued,
    b: m.placements,
  }));
  const kpi = (label: string, value: number) => ({ label, value: t.number(value) });
  const rate = `${t('dash.participationRate')}: ${t.percent(s.employers.participationRate)}`;
  const columns = [
    { label: t('dash.month') },
    { label: t('dash.issued'), num: true },
    { label: t('dash.placementsMonth'), num: true },
  ];
  return (
    <Layout c={c} title={t('nav.dashboard')}>
      <PlaceHeading c={c} title={t('nav.dashboard')} place={vm.place} />
      <OfficePicker c={c} place={vm.place} action="/petugas" keep={{ from, to }} />
      <PeriodForm c={c} action="/petugas" from={from} to={to} label={t('dash.period')} place={vm.place} />
      <p>
        <strong safe>{t('dash.periodText', { from: t.date(from), to: t.date(to) })}</strong>
      </p>
      <h2 safe>{t('dash.employers')}</h2>
      <KpiList
        kpis={[
          kpi(t('dash.registered'), s.employers.registered),
          kpi(t('dash.pending'), s.employers.pending),
          kpi(t('dash.verified'), s.employers.verified),
          kpi(t('dash.participating'), s.employers.participating),
        ]}
      />
      <Gauge title={t('dash.participationRate')} share={s.employers.participationRate} text={rate} />
      <h2 safe>{t('dash.cards')}</h2>
      <KpiList
        kpis={[
          kpi(t.label('card', 'PENDING'), s.cards.pending),
          kpi(t.label('card', 'ACTIVE'), s.cards.active),
          kpi(t.label('card', 'PLACED'), s.cards.placed),
          kpi(t('dash.overdue'), s.cards.reportOverdue),
          kpi(t('dash.issuedInPeriod'), s.cards.issued),
        ]}
      />
      <h2 safe>{t('dash.vacancies')}</h2>
      <KpiList
        kpis={[
          kpi(t('dash.open'), s.vacancies.open),
          kpi(t('dash.positionsOpen'), s.vacancies.positionsOpen),
          kpi(t('dash.posted'), s.vacancies.posted),
          kpi(t('dash.postedAk1'), s.vacancies.postedRequiringAk1),
          kpi(t('dash.filled'), s.vacancies.filled),
        ]}
      />
      <h2 safe>{t('dash.placements')}</h2>
      <KpiList
        kpis={[kpi(t('dash.placementsTotal'), s.placements.total), kpi(t('dash.validations'), s.validations.total)]}
      />
      <BarChart
        title={t('dash.bySource')}
        bars={[
          { label: t.label('placementSource', 'EMPLOYER'), value: s.placements.bySource.EMPLOYER },
          { label: t.label('placementSource', 'SELF_REPORT'), value: s.placements.bySource.SELF_REPORT },
        ]}
      />
      <h2 safe>{t('dash.perMonth')}</h2>
      <PairedColumns
        title={t('dash.perMonth')}
        months={months}
        legend={[t('dash.issued'), t('dash.placementsMonth')]}
      />
      <DataTable columns={columns} stacked={false} caption={t('dash.perMonth')}>
        {months.map((m) => (
          <tr>
            <td safe>{m.label}</td>
            <td class="num">{m.a}</td>
            <td class="num">{m.b}</td>
          </tr>
        ))}
      </DataTable>
      <OutcomesPanel c={c} vm={vm} />
      <p class="no-print">
        <a href={`/petugas/penjangkauan?from=${from}&to=${to}${placeQuery(vm.place)}`} safe>
          {t('nav.outreach')}
        </a>
        {' · '}
        <a href={`/petugas/ipk${placeQuery(vm.place, '?')}`} safe>
          {t('nav.ipk')}
        </a>
      </p>
    </Layout>
  );
}

/**
 * "Kebenaran data register": of the cards that ended in the period, how many with a known outcome
 * (placed or withdrawn), how the rest ended, the share known month by month, and the vacancies closed
 * with and without an outcome.
 */
function OutcomesPanel({ c, vm }: { c: ConsoleContext; vm: DashboardView }): JSX.Element {
  const t = c.t;
  const o = vm.outcomes;
  const kpi = (label: string, value: number) => ({ label, value: t.number(value) });
  const monthLabel = (month: string) => `${t.month(Number(month.slice(5, 7))).slice(0, 3)} ${month.slice(2, 4)}`;
  const columns = [
    { label: t('dash.month') },
    { label: t('outcomes.cardsClosed'), num: true },
    { label: t('outcomes.rate'), num: true },
  ];
  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title" safe>
        {t('outcomes.title')}
      </h2>
      <p class="hint" safe>
        {t('outcomes.intro')}
      </p>
      <KpiList
        kpis={[
          kpi(t('outcomes.cardsClosed'), o.cardsClosed),
          kpi(t('outcomes.placed'), o.placed),
          kpi(t('outcomes.withdrawn'), o.withdrawn),
          kpi(t('outcomes.revoked'), o.revoked),
          kpi(t('outcomes.expired'), o.expiredWithoutOutcome),
        ]}
      />
      <Gauge
        title={t('outcomes.rate')}
        share={o.knownOutcomeRate}
        text={t('outcomes.rateText', { share: t.percent(o.knownOutcomeRate), n: t.number(o.cardsClosed) })}
      />
      <BarChart
        title={t('outcomes.byMonth')}
        bars={vm.outcomeMonths.map((m) => ({ label: monthLabel(m.month), value: m.knownOutcomeRate }))}
        format={(share) => t.percent(share)}
      />
      <DataTable columns={columns} stacked={false} caption={t('outcomes.byMonth')}>
        {vm.outcomeMonths.map((m) => (
          <tr>
            <td safe>{monthLabel(m.month)}</td>
            <td class="num" safe>
              {t.number(m.cardsClosed)}
            </td>
            <td class="num" safe>
              {m.cardsClosed === 0 ? t('outcomes.byMonthNone') : t.percent(m.knownOutcomeRate)}
            </td>
          </tr>
        ))}
      </DataTable>
      <h3 safe>{t('outcomes.vacancies')}</h3>
      <KpiList
        kpis={[
          kpi(t('outcomes.vacanciesClosed'), o.vacanciesClosed),
          kpi(t('outcomes.vacanciesWithOutcome'), o.vacanciesWithOutcome),
          kpi(t('outcomes.vacanciesWithout'), o.vacanciesClosed - o.vacanciesWithOutcome),
          kpi(t('outcomes.hiredWithoutAk1'), o.hiredWithoutAk1),
        ]}
      />
      <p class="no-print">
        <a href={`/petugas/penjangkauan?from=${vm.from}&to=${vm.to}&silentClosures=true${placeQuery(vm.place)}`} safe>
          {t('outcomes.silentLink')}
        </a>
      </p>
    </section>
  );
}
