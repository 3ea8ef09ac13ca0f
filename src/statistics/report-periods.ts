import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { select } from '../database/statements.js';
import type { LabourEvent } from './labour-event.entity.js';

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Which months are closed. Months close in order, so "closed" is every month up to the latest one closed
 * (`report_ledger.closed_through`; `report_periods` keeps each closed month's tables). Every labour event
 * passes through `route` before it is written: one dated in a closed month is counted in the first open
 * month instead, marked as adjusting the month it belongs to — so a closed month's figures never change
 * and the carried-over row of the next month still equals its remaining row.
 */
@Injectable()
export class ReportPeriods {
  /**
   * The latest closed month, or null. On MySQL the ledger row is read with a shared lock, held to the
   * end of the transaction: a closing (which takes it exclusively) waits for the events in flight, and
   * events that come after wait for the closing and then see the month closed.
   */
  async closedThrough(m: EntityManager, lock: 'share' | 'update' = 'share'): Promise<string | null> {
    const mysql = m.connection.options.type === 'mysql';
    const suffix = !mysql ? '' : lock === 'share' ? ' LOCK IN SHARE MODE' : ' FOR UPDATE';
    const [row] = await select<{ closedThrough: string | null }>(
      m,
      `SELECT closed_through AS closedThrough FROM report_ledger WHERE id = 1${suffix}`,
      [],
    );
    return row?.closedThrough ?? null;
  }

  async route(m: EntityManager, events: LabourEvent[]): Promise<void> {
    if (events.length === 0) return;
    const closed = await this.closedThrough(m);
    if (!closed) return;
    const firstOpenDay = `${nextMonth(closed)}-01`;
    for (const e of events) {
      const month = e.eventDate.slice(0, 7);
      if (month > closed) continue;
      e.adjustsMonth = e.adjustsMonth ?? month;
      e.eventDate = firstOpenDay;
    }
  }
}
