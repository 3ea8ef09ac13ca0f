import { Injectable } from '@nestjs/common';
import { ReportingReads } from '../database/reporting-reads.js';
import { ipkIII1, ipkIII2, ipkIII4, type FlowRow } from './ipk-report.js';
import type { MonthQuery } from './dto/monitoring.dto.js';

/**
 * The monthly statistics (IPK III/1, III/2, III/4), computed from the labour-market event history's
 * monthly roll-up: the flows of the month, and everything before it for the carried-over row. Events
 * are never changed afterwards, so any past month gives the same numbers every time it is produced.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly reads: ReportingReads) {}

  async ipkIII1(q: MonthQuery) {
    const { month, before, during } = await this.flows(q);
    return { year: q.year, month: q.month, period: month, ...ipkIII1(before, during) };
  }

  async ipkIII2(q: MonthQuery) {
    const { month, before, during } = await this.flows(q);
    return { year: q.year, month: q.month, period: month, ...ipkIII2(before, during) };
  }

  async ipkIII4(q: MonthQuery) {
    const { month, before, during } = await this.flows(q);
    return { year: q.year, month: q.month, period: month, ...ipkIII4(before, during) };
  }

  private async flows(q: MonthQuery): Promise<{ month: string; before: FlowRow[]; during: FlowRow[] }> {
    const month = `${q.year}-${String(q.month).padStart(2, '0')}`;
    const select = 'SELECT subject, kind, sex, age_band AS ageBand, education, SUM(total) AS total FROM labour_monthly';
    const group = 'GROUP BY subject, kind, sex, age_band, education';
    const norm = (rows: Record<string, unknown>[]): FlowRow[] =>
      rows.map((r) => ({
        subject: String(r.subject),
        kind: String(r.kind),
        sex: String(r.sex),
        ageBand: String(r.ageBand),
        education: String(r.education),
        total: Number(r.total),
      }));
    const before = norm(await this.reads.query(`${select} WHERE month < ? ${group}`, [month]));
    const during = norm(await this.reads.query(`${select} WHERE month = ? ${group}`, [month]));
    return { month, before, during };
  }
}
