import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** Which day's run of a scheduled job has finished, so that of several instances one runs it, once. */
export class JobRuns1764231100000 implements MigrationInterface {
  name = 'JobRuns1764231100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'job_runs',
        columns: [
          { name: 'job', type: 'varchar', length: '32', isPrimary: true },
          { name: 'run_date', type: 'date', isPrimary: true },
          col.str('instance', 64),
          col.instant('finished_at'),
          col.text('report'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('job_runs');
  }
}
