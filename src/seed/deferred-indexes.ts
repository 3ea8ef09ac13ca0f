import type { DataSource } from 'typeorm';

/** Tables the seed fills with hundreds of thousands of rows. */
const BULK_TABLES = [
  'seekers',
  'cards',
  'card_reports',
  'card_validations',
  'labour_events',
  'applications',
  'placements',
  'searchable_vacancies',
];

interface IndexDefinition {
  table: string;
  name: string;
  /** Each column as the index names it: `published_at` or, descending, `published_at DESC`. */
  columns: string[];
}

/**
 * On MySQL, the plain (non-unique) secondary indexes of the bulk tables are built after the rows are
 * in rather than row by row. MariaDB no longer buffers secondary-index changes, so with the default
 * 128 MiB buffer pool every inserted row costs random reads in each such index once it outgrows
 * memory; one sorted build per table at the end is several times faster. Unique indexes and the
 * indexes foreign keys use stay in place, so every integrity check still runs during the load. The
 * definitions are read from the database itself and put back exactly (same names, columns and directions),
 * also when seeding fails. The seed only writes into a fresh database that nothing else is using.
 */
export class DeferredIndexes {
  private deferred: IndexDefinition[] = [];

  constructor(private readonly ds: DataSource) {}

  async defer(): Promise<void> {
    if (this.ds.options.type !== 'mysql') return;
    // FULLTEXT indexes stay: on MariaDB 10.11 one dropped before the load and added back after it found nothing
    // (the table keeps the hidden FTS_DOC_ID column the first such index added; the rows loaded meanwhile
    // apparently get no document ids).
    const rows: { table_name: string; index_name: string; column_name: string; collation: string | null }[] =
      await this.ds.query(
        `SELECT s.TABLE_NAME AS table_name, s.INDEX_NAME AS index_name, s.COLUMN_NAME AS column_name,
                s.COLLATION AS collation
           FROM information_schema.STATISTICS s
          WHERE s.TABLE_SCHEMA = DATABASE() AND s.NON_UNIQUE = 1 AND s.INDEX_TYPE = 'BTREE' AND s.TABLE_NAME IN (?)
        ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX`,
        [BULK_TABLES],
      );
    const fkColumns: { table_name: string; column_name: string }[] = await this.ds.query(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL`,
    );
    const byName = new Map<string, IndexDefinition>();
    for (const r of rows) {
      const key = `${r.table_name}.${r.index_name}`;
      if (!byName.has(key)) byName.set(key, { table: r.table_name, name: r.index_name, columns: [] });
      byName.get(key)!.columns.push(`\`${r.column_name}\`${r.collation === 'D' ? ' DESC' : ''}`);
    }
    const usedByForeignKey = (d: IndexDefinition) =>
      fkColumns.some((f) => f.table_name === d.table && `\`${f.column_name}\`` === d.columns[0]);
    this.deferred = [...byName.values()].filter((d) => !usedByForeignKey(d));
    for (const table of new Set(this.deferred.map((d) => d.table))) {
      const drops = this.deferred.filter((d) => d.table === table).map((d) => `DROP INDEX \`${d.name}\``);
      await this.ds.query(`ALTER TABLE \`${table}\` ${drops.join(', ')}`);
    }
  }

  /** Builds the deferred indexes again, one ALTER TABLE per table. */
  async restore(log: (line: string) => void): Promise<void> {
    for (const table of new Set(this.deferred.map((d) => d.table))) {
      const started = Date.now();
      const adds = this.deferred
        .filter((d) => d.table === table)
        .map((d) => `ADD INDEX \`${d.name}\` (${d.columns.join(', ')})`);
      await this.ds.query(`ALTER TABLE \`${table}\` ${adds.join(', ')}`);
      log(`indexes of ${table} built (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    this.deferred = [];
  }
}
