import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes that keep the officers' reports under 2 s at national scale (1,000,000 cards, 2,000,000
 * validations, 200,000 vacancies; measured with `npm run bench:reports`, see docs/benchmarks.md).
 * Each period query of the monitoring summary and the participation table reads one date range and,
 * per row, the employer (and a flag): with those columns in the index the range is read from the
 * index alone instead of one table-row lookup per row. Three single-column date indexes become the
 * first column of a wider one (every query that used them can use the new one).
 */
const REPLACED = [
  {
    table: 'vacancies',
    old: ['IDX_vacancies_published', ['published_at']],
    now: ['IDX_vacancies_published_ak1_employer', ['published_at', 'requires_ak1', 'employer_id']],
  },
  {
    table: 'card_validations',
    old: ['IDX_card_validations_checked', ['checked_at']],
    now: ['IDX_card_validations_checked_employer', ['checked_at', 'employer_id']],
  },
  {
    table: 'placements',
    old: ['IDX_placements_recorded', ['recorded_at']],
    now: ['IDX_placements_recorded_source_employer', ['recorded_at', 'source', 'employer_id']],
  },
] as const;
const ADDED = [
  // Vacancies that became FILLED in a period.
  { table: 'vacancies', index: ['IDX_vacancies_closed_reason', ['closed_reason', 'closed_at']] },
  // Applications received per employer in a period.
  { table: 'applications', index: ['IDX_applications_applied_employer', ['applied_at', 'employer_id']] },
] as const;

const make = ([name, columnNames]: readonly [string, readonly string[]]) =>
  new TableIndex({ name, columnNames: [...columnNames] });

export class ReportIndexes1764231000000 implements MigrationInterface {
  name = 'ReportIndexes1764231000000';

  async up(q: QueryRunner): Promise<void> {
    for (const r of REPLACED) {
      await q.createIndex(r.table, make(r.now));
      await q.dropIndex(r.table, r.old[0]);
    }
    for (const a of ADDED) await q.createIndex(a.table, make(a.index));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const a of ADDED) await q.dropIndex(a.table, a.index[0]);
    for (const r of REPLACED) {
      await q.createIndex(r.table, make(r.old));
      await q.dropIndex(r.table, r.now[0]);
    }
  }
}
