import type { FlowKind, Subject } from '../statistics/labour-event.entity.js';
import { ageBand } from '../statistics/labour-statistics.service.js';
import { sqlInstant } from '../common/sql.js';
import type { BulkWriter, SqlValue } from './bulk-writer.js';
import { seededId, type Rng } from './random.js';
import { TAG, type Sequences } from './run.js';

export const LABOUR_EVENT_COLUMNS = ['id', 'event_date', 'subject', 'kind', 'sex', 'age_band', 'education', 'positions', 'ref_id', 'recorded_at'] as const;

interface Flow {
  date: string;
  subject: Subject;
  kind: FlowKind;
  sex: string;
  ageBand: string;
  education: string;
  positions: number;
  refId: string;
  recordedAt: Date;
}

/**
 * The labour-market history of the seeded world, written the way LabourStatistics writes it (one row
 * per flow, the seeker's sex and education from registration, age at the event), and the monthly
 * roll-up summed alongside so it can be written once at the end.
 */
export class LabourLedger {
  private readonly monthly = new Map<string, number>();

  constructor(private readonly seq: Sequences) {}

  seeker(rows: SqlValue[][], rng: Rng, kind: FlowKind, cardId: string, person: { gender: string; birthDate: string; educationLevel: string }, date: string, recordedAt: Date): void {
    this.add(rows, rng, { date, subject: 'SEEKER', kind, sex: person.gender, ageBand: ageBand(person.birthDate, date), education: person.educationLevel, positions: 1, refId: cardId, recordedAt });
  }

  vacancy(rows: SqlValue[][], rng: Rng, kind: FlowKind, vacancyId: string, asked: { sex: string; education: string }, positions: number, date: string, recordedAt: Date): void {
    if (positions <= 0) return;
    this.add(rows, rng, { date, subject: 'VACANCY', kind, sex: asked.sex, ageBand: '-', education: asked.education, positions, refId: vacancyId, recordedAt });
  }

  /** Adds the roll-up to `labour_monthly` (an upsert, so a database with earlier history keeps it). */
  async writeMonthly(writer: BulkWriter): Promise<number> {
    const rows = [...this.monthly].map(([key, total]) => [...key.split('|'), total]);
    const upsert = writer.isMysql
      ? 'ON DUPLICATE KEY UPDATE total = total + VALUES(total)'
      : 'ON CONFLICT (month, subject, kind, sex, age_band, education) DO UPDATE SET total = total + excluded.total';
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const values = batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      await writer.execute(`INSERT INTO labour_monthly (month, subject, kind, sex, age_band, education, total) VALUES ${values} ${upsert}`, batch.flat());
    }
    return rows.length;
  }

  private add(rows: SqlValue[][], rng: Rng, f: Flow): void {
    rows.push([seededId(TAG.labourEvent, this.seq.labourEvent++, rng), f.date, f.subject, f.kind, f.sex, f.ageBand, f.education, f.positions, f.refId, sqlInstant(f.recordedAt)]);
    const key = `${f.date.slice(0, 7)}|${f.subject}|${f.kind}|${f.sex}|${f.ageBand}|${f.education}`;
    this.monthly.set(key, (this.monthly.get(key) ?? 0) + f.positions);
  }
}
