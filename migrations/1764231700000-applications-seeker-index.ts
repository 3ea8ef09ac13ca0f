import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The applications' index by seeker without the status (decision 25). InnoDB checks a foreign key whenever
 * a row's entry in the key's index changes, taking a shared lock on the parent row; the key to `seekers`
 * used `(seeker_id, status)`, so every change of an application's status locked its seeker's row, and a
 * hire that filled a vacancy (closing its applications) waited for — or deadlocked with — every hire of
 * those applicants under way. Indexed by `seeker_id` alone, the key is checked only when an application
 * is written, not when its status moves. A seeker has a handful of applications: the index serves the
 * lookups by seeker and status as well.
 */
export class ApplicationsSeekerIndex1764231700000 implements MigrationInterface {
  name = 'ApplicationsSeekerIndex1764231700000';

  async up(q: QueryRunner): Promise<void> {
    // First the new index, so the foreign key always has one (MySQL moves it over when the old one goes).
    await q.createIndex(
      'applications',
      new TableIndex({ name: 'IDX_applications_seeker', columnNames: ['seeker_id'] }),
    );
    await q.dropIndex('applications', 'IDX_applications_seeker_status');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'applications',
      new TableIndex({ name: 'IDX_applications_seeker_status', columnNames: ['seeker_id', 'status'] }),
    );
    await q.dropIndex('applications', 'IDX_applications_seeker');
  }
}
