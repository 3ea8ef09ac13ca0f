import type { ConsoleContext } from '../../http/console-context.js';
import { ConfirmAction } from '../shared/ConfirmAction.js';
import { DataTable } from '../shared/DataTable.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { IpkTabs } from './IpkTabs.js';

/** A closed month as listed. */
export interface ClosedMonth {
  month: string;
  closedAt: string;
  checksum: string;
}

/** What came of the last closing: the month closed, or why not (the months named are found by the page). */
export interface ClosingOutcome {
  ok?: boolean;
  err?: string;
  /** The month the officer tried to close (when it was a real month). */
  month?: string;
}

export interface ClosingView {
  /** The month `close()` accepts next, and whether it has begun. */
  next: string;
  nextStarted: boolean;
  closed: ClosedMonth[];
  outcome: ClosingOutcome;
}

const KNOWN_ERRORS = ['PREVIOUS_PERIOD_OPEN', 'PERIOD_NOT_STARTED', 'PERIOD_CLOSED'] as const;

/** `2026-10` → `Oktober 2026`. */
export function monthText(c: ConsoleContext, yyyymm: string): string {
  return `${c.t.month(Number(yyyymm.slice(5, 7)))} ${yyyymm.slice(0, 4)}`;
}

function OutcomeNotice({ c, vm }: { c: ConsoleContext; vm: ClosingView }): JSX.Element {
  const t = c.t;
  const o = vm.outcome;
  const month = o.month ? monthText(c, o.month) : '';
  if (o.ok && o.month) return <Notice kind="success" text={t('close.ok', { month })} />;
  if (!o.err) return '';
  const known = (KNOWN_ERRORS as readonly string[]).includes(o.err) && (o.month || o.err === 'PREVIOUS_PERIOD_OPEN');
  const text = known
    ? t(`close.err.${o.err as (typeof KNOWN_ERRORS)[number]}`, { month, next: monthText(c, vm.next) })
    : t('close.err.other');
  return <Notice kind="error" text={text} />;
}

/**
 * Closing IPK months (POST /reports/periods/:month/close): the next month to close with the question
 * saying what closing means, and the months closed, newest first, each with its corrections.
 */
export function ClosingPage({ c, vm }: { c: ConsoleContext; vm: ClosingView }): JSX.Element {
  const t = c.t;
  const next = monthText(c, vm.next);
  return (
    <Layout c={c} title={t('close.title')}>
      <h1 safe>{t('close.title')}</h1>
      <IpkTabs c={c} current="close" />
      <OutcomeNotice c={c} vm={vm} />
      <p safe>{t('close.intro')}</p>
      <h2 safe>{t('close.next', { month: next })}</h2>
      {vm.nextStarted ? (
        <ConfirmAction
          c={c}
          action="/petugas/ipk/penutupan"
          label={t('close.next', { month: next })}
          question={t('close.question', { month: next })}
          confirm={t('close.confirm', { month: next })}
          hidden={{ month: vm.next }}
        />
      ) : (
        <p class="meta" safe>
          {t('close.notYet', { month: next })}
        </p>
      )}
      <h2 safe>{t('close.closedList')}</h2>
      {vm.closed.length > 0 ? (
        <DataTable
          columns={[
            { label: t('close.month') },
            { label: t('close.closedAt') },
            { label: t('close.checksum') },
            { label: t('close.adjustments') },
          ]}
        >
          {vm.closed.map((p) => (
            <tr>
              <td>
                <a href={`/petugas/ipk?year=${Number(p.month.slice(0, 4))}&month=${Number(p.month.slice(5, 7))}`} safe>
                  {monthText(c, p.month)}
                </a>
              </td>
              <td safe>{t.dateTime(p.closedAt)}</td>
              <td>
                <code title={p.checksum} safe>{`${p.checksum.slice(0, 16)}…`}</code>
              </td>
              <td>
                <a href={`/petugas/ipk/penutupan/${p.month}/koreksi`} safe>
                  {t('close.seeAdjustments', { month: monthText(c, p.month) })}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p safe>{t('close.none')}</p>
      )}
    </Layout>
  );
}
