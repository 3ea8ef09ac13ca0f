import type { ConsoleContext } from '../../http/console-context.js';
import { ConfirmAction } from '../shared/ConfirmAction.js';
import { DataTable } from '../shared/DataTable.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { IpkTabs } from './IpkTabs.js';
import { OfficePicker, PlaceHeading, placeName, type ReportPlace } from './OfficePicker.js';

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
  /** The office whose months these are (and the picker, for an officer with offices below). */
  place?: ReportPlace;
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
  const place = vm.place;
  // The closed months are the office's own (never an aggregate's): their links name the office alone.
  const office = place && !place.own ? `&officeId=${place.officeId}` : '';
  return (
    <Layout c={c} title={t('close.title')}>
      <PlaceHeading c={c} title={t('close.title')} place={vm.place} />
      <IpkTabs c={c} current="close" place={vm.place} />
      <OfficePicker c={c} place={vm.place} action="/petugas/ipk/penutupan" />
      <OutcomeNotice c={c} vm={vm} />
      <p safe>{t('close.intro')}</p>
      {place?.aggregate ? <Notice kind="info" text={t('place.closeAggregate', { name: placeName(c, place) })} /> : ''}
      {place && !place.aggregate && !place.own ? (
        <Notice kind="info" text={t('place.closeBelow', { name: place.officeName })} />
      ) : (
        ''
      )}
      {place?.aggregate ? '' : <h2 safe>{t('close.next', { month: next })}</h2>}
      {place?.aggregate ? (
        ''
      ) : vm.nextStarted ? (
        <ConfirmAction
          c={c}
          action="/petugas/ipk/penutupan"
          label={t('close.next', { month: next })}
          question={t('close.question', { month: next })}
          confirm={t('close.confirm', { month: next })}
          hidden={{ month: vm.next, ...(place && !place.own ? { officeId: place.officeId } : {}) }}
        />
      ) : (
        <p class="meta" safe>
          {t('close.notYet', { month: next })}
        </p>
      )}
      <h2 safe>{place?.choices ? t('place.closedListOf', { name: place.officeName }) : t('close.closedList')}</h2>
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
                <a
                  href={`/petugas/ipk?year=${Number(p.month.slice(0, 4))}&month=${Number(p.month.slice(5, 7))}${office}`}
                  safe
                >
                  {monthText(c, p.month)}
                </a>
              </td>
              <td safe>{t.dateTime(p.closedAt)}</td>
              <td>
                <code title={p.checksum} safe>{`${p.checksum.slice(0, 16)}…`}</code>
              </td>
              <td>
                <a href={`/petugas/ipk/penutupan/${p.month}/koreksi${office.replace('&', '?')}`} safe>
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
