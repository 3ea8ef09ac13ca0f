import type { FlowKind, LabourEvent } from '../statistics/labour-event.entity.js';
import {
  type FlowDimensions,
  monthlyCellOf,
  monthlyParams,
  monthlyUpsertSql,
  seekerFlowRow,
  vacancyFlowRow,
  type MonthlyCell,
} from '../statistics/labour-rows.js';
import type { BulkWriter } from './bulk-writer.js';
import { seededId, TAG, type Rng, type Sequences } from './random.js';

/**
 * The labour-market history of the seeded world, in the rows LabourStatistics writes (its row builders:
 * one row per flow, the seeker's sex and education from registration, age at the event), and the
 * monthly roll-up summed alongside so it can be written once at the end.
 */
export class LabourLedger {
  private readonly monthly = new Map<string, { cell: MonthlyCell; total: number }>();

  constructor(
    private readonly seq: Sequences,
    /** The office of events not given one (the seed's region code); each call may name the card's or vacancy's city. */
    private readonly office: string,
  ) {}

  /** A seeker's event's id, drawn now (the draws keep their order) for an event written later. */
  drawId(rng: Rng): string {
    return seededId(TAG.labourEvent, this.seq.labourEvent++, rng);
  }

  seeker(
    rows: LabourEvent[],
    rng: Rng | string,
    kind: FlowKind,
    cardId: string,
    person: { gender: string; birthDate: string; educationLevel: string },
    date: string,
    recordedAt: Date,
    dims: FlowDimensions = {},
    office: string = this.office,
  ): void {
    const id = typeof rng === 'string' ? rng : this.drawId(rng);
    this.add(
      rows,
      seekerFlowRow({
        id,
        kind,
        cardId,
        sex: person.gender,
        education: person.educationLevel,
        ...dims,
        office,
        birthDate: person.birthDate,
        on: date,
        recordedAt,
      }),
    );
  }

  vacancy(
    rows: LabourEvent[],
    rng: Rng | string,
    kind: FlowKind,
    vacancyId: string,
    asked: { sex: string; education: string },
    positions: number,
    date: string,
    recordedAt: Date,
    dims: FlowDimensions = {},
    office: string = this.office,
  ): void {
    if (positions <= 0) return;
    const id = typeof rng === 'string' ? rng : this.drawId(rng);
    this.add(
      rows,
      vacancyFlowRow({
        id,
        kind,
        vacancyId,
        sex: asked.sex,
        education: asked.education,
        ...dims,
        office,
        positions,
        on: date,
        recordedAt,
      }),
    );
  }

  /** Adds the roll-up to `labour_monthly` (an upsert, so a database with earlier history keeps it). */
  async writeMonthly(writer: BulkWriter): Promise<number> {
    const cells = [...this.monthly.values()];
    for (let start = 0; start < cells.length; start += 500) {
      const batch = cells.slice(start, start + 500);
      await writer.execute(
        monthlyUpsertSql(writer.isMysql, batch.length),
        batch.flatMap((c) => monthlyParams(c.cell, c.total)),
      );
    }
    return cells.length;
  }

  private add(rows: LabourEvent[], e: LabourEvent): void {
    rows.push(e);
    const cell = monthlyCellOf(e);
    const key = monthlyParams(cell, 0).join('|');
    const sum = this.monthly.get(key);
    if (sum) sum.total += e.positions;
    else this.monthly.set(key, { cell, total: e.positions });
  }
}
