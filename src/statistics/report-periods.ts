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
 * Which months are closed, per office. Each office closes its own months, in order, so "closed" is every
 * month up to the latest one it closed (`report_ledger.closed_through`, one row per office code, made by
 * its first closing; `report_periods` keeps each office's closed months' tables). Every labour event passes
 * through `route` before it is written: one dated in a month its office has closed is counted in that
 * office's first open month instead, marked as adjusting the month it belongs to — so a closed month's
 * figures never change and the carried-over row of the next month still equals its remaining row.
 */
@Injectable()
export class ReportPeriods {
  /**
   * The latest month the office (its code) closed, or null. On MySQL the ledger row is read with a
   * shared lock, held to the end of the transaction: a closing (which takes it exclusively) waits for the
   * events in flight, and events that come after wait for the closing and then see the month closed.
   */
  async closedThrough(m: EntityManager, office: string, lock: 'share' | 'update' = 'share'): Promise<string | null> {
    return (await this.ledger(m, [office], lock)).get(office) ?? null;
  }

  /** The ledger rows of several offices, one statement (a hire's seeker and vacancy may differ). */
  private async ledger(
    m: EntityManager,
    offices: string[],
    lock: 'share' | 'update',
  ): Promise<Map<string, string | null>> {
    const mysql = m.connection.options.type === 'mysql';
    const suffix = !mysql ? '' : lock === 'share' ? ' LOCK IN SHARE MODE' : ' FOR UPDATE';
    const rows = await select<{ office: string; closedThrough: string | null }>(
      m,
      `SELECT office, closed_through AS closedThrough FROM report_ledger WHERE office IN (${offices.map(() => '?').join(', ')})${suffix}`,
      offices,
    );
    return new Map(rows.map((r) => [r.office, r.closedThrough]));
  }

  async route(m: EntityManager, events: LabourEvent[]): Promise<void> {
    if (events.length === 0) return;
    const closed = await this.ledger(m, [...new Set(events.map((e) => e.office))].sort(), 'share');
    for (const e of events) {
      const through = closed.get(e.office);
      if (!through) continue;
      const month = e.eventDate.slice(0, 7);
      if (month > through) continue;
      e.adjustsMonth = e.adjustsMonth ?? month;
      e.eventDate = `${nextMonth(through)}-01`;
    }
  }
}
