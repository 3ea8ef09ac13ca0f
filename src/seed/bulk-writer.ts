import type { DataSource, EntityMetadata, QueryRunner } from 'typeorm';
import { ConnectionMetadataBuilder } from 'typeorm/connection/ConnectionMetadataBuilder.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

export type SqlValue = string | number | null;

/** An entity class; its rows are built by the owner's row builder. */
export type EntityClass<E> = new () => E;

/** SQLite binds at most 32,766 parameters per statement; stay well below on both engines. */
const MAX_PARAMS = 30_000;
/** Rows per transaction: large enough to amortise the commit, small enough to keep undo logs short. */
const ROWS_PER_TRANSACTION = 20_000;

/**
 * Column types whose values both drivers bind as they are when the column has no transformer (no branch
 * of `preparePersistentValue` applies to them). Skipping the call for them keeps the seed's cost per
 * value near that of a plain array; `shapeOf` checks the claim against the driver in use.
 */
const PLAIN_TYPES = new Set<unknown>(['varchar', 'text', 'int', 'bigint']);

/** How rows of one entity are written: its table and its columns, in one order, from TypeORM's metadata. */
interface TableShape {
  table: string;
  /** `INSERT INTO <table> (<columns>)`, names quoted for the engine. */
  head: string;
  properties: string[];
  columns: ColumnMetadata[];
  /** Per column: true when its values go to the driver as they are (see PLAIN_TYPES). */
  plain: boolean[];
}

/**
 * Writes entity rows with multi-row INSERT statements on one connection, committing every few thousand
 * rows. The ORM's per-entity inserts would cost one round trip per row; a million cards need batches.
 * Table and column names come from the entities' TypeORM metadata, and each value is converted by the
 * driver exactly as TypeORM converts it on insert (`preparePersistentValue`: transformers such as the
 * seeker's JSON lists, datetimes, dates, booleans), so the rows are the owners' rows and no column list
 * lives here. On MySQL the next batch is generated while the previous statement runs (one statement in
 * flight).
 */
export class BulkWriter {
  private qr: QueryRunner | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private rowsInTransaction = 0;
  private readonly placeholderCache = new Map<string, string>();
  private readonly shapes = new Map<unknown, TableShape>();
  readonly counts = new Map<string, number>();

  /** `entities`: every entity class `insert` will be given (with the ones their relations name). */
  constructor(
    private readonly ds: DataSource,
    private readonly entities: EntityClass<unknown>[],
  ) {}

  get isMysql(): boolean {
    return this.ds.options.type === 'mysql';
  }

  async open(): Promise<void> {
    for (const metadata of await this.metadataOf(this.entities)) {
      this.shapes.set(metadata.target, this.shapeOf(metadata));
    }
    this.qr = this.ds.createQueryRunner();
    await this.qr.connect();
    if (!this.isMysql) {
      // The seed is re-runnable from scratch, so losing it to a power cut is acceptable.
      await this.qr.query('PRAGMA synchronous = OFF');
    }
    await this.qr.startTransaction();
  }

  /** Queues the INSERT of `rows`, complete entity objects (every column set; null where empty). */
  async insert<E>(entity: EntityClass<E>, rows: readonly E[]): Promise<void> {
    if (rows.length === 0) return;
    const shape = this.shapes.get(entity);
    if (!shape) throw new Error(`BulkWriter was not given the entity ${entity.name}`);
    const qr = this.runner();
    const { properties, columns, plain } = shape;
    const width = columns.length;
    const driver = this.ds.driver;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
    for (let start = 0; start < rows.length; start += perStatement) {
      const end = Math.min(rows.length, start + perStatement);
      // Filled by push, not preallocated: a packed array, which the drivers copy and spread much faster.
      const params: unknown[] = [];
      for (let r = start; r < end; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (let c = 0; c < width; c++) {
          const value = row[properties[c]];
          // TypeORM would write DEFAULT for a missing value; a seeded row that misses one is a bug.
          if (value === undefined)
            throw new Error(`${shape.table}.${columns[c].databaseName} has no value (row builders set every column)`);
          params.push(plain[c] ? value : driver.preparePersistentValue(value, columns[c]));
        }
      }
      const sql = `${shape.head} VALUES ${this.placeholders(width, end - start)}`;
      // Keep one statement in flight: wait for the previous one, then send this one without waiting.
      await this.inFlight;
      this.inFlight = qr.query(sql, params);
    }
    this.counts.set(shape.table, (this.counts.get(shape.table) ?? 0) + rows.length);
    this.rowsInTransaction += rows.length;
    if (this.rowsInTransaction >= ROWS_PER_TRANSACTION) await this.commit();
  }

  /** Runs one statement after everything queued so far. */
  async execute(sql: string, params: SqlValue[] = []): Promise<unknown> {
    await this.inFlight;
    return this.runner().query(sql, params);
  }

  async commit(): Promise<void> {
    const qr = this.runner();
    await this.inFlight;
    await qr.commitTransaction();
    await qr.startTransaction();
    this.rowsInTransaction = 0;
  }

  async close(): Promise<void> {
    const qr = this.runner();
    try {
      await this.inFlight;
      await qr.commitTransaction();
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw err;
    } finally {
      await qr.release();
      this.qr = null;
    }
  }

  async abort(): Promise<void> {
    if (!this.qr) return;
    await this.inFlight.catch(() => undefined);
    if (this.qr.isTransactionActive) await this.qr.rollbackTransaction().catch(() => undefined);
    await this.qr.release();
    this.qr = null;
  }

  /**
   * The entities' metadata for this data source's driver. The service's data source knows every entity
   * (Nest registers them); one opened for a command line (openDataSource) knows none, so it is built here
   * for that data source, without registering anything on it.
   */
  private async metadataOf(entities: EntityClass<unknown>[]): Promise<EntityMetadata[]> {
    if (entities.every((e) => this.ds.hasMetadata(e))) return entities.map((e) => this.ds.getMetadata(e));
    return new ConnectionMetadataBuilder(this.ds).buildEntityMetadatas(entities);
  }

  private shapeOf(metadata: EntityMetadata): TableShape {
    const columns = metadata.columns.filter((c) => c.isInsert);
    for (const c of columns) {
      if (c.embeddedMetadata || c.isVirtual || c.isGenerated)
        throw new Error(
          `BulkWriter cannot write ${metadata.tableName}.${c.databaseName} (embedded, virtual or generated)`,
        );
    }
    const driver = this.ds.driver;
    const plain = columns.map((c) => !c.transformer && PLAIN_TYPES.has(c.type));
    columns.forEach((c, i) => {
      if (plain[i] && (driver.preparePersistentValue('x', c) !== 'x' || driver.preparePersistentValue(7, c) !== 7)) {
        throw new Error(
          `TypeORM now converts ${c.type} values (${metadata.tableName}.${c.databaseName}): remove it from PLAIN_TYPES`,
        );
      }
    });
    const escape = (name: string) => driver.escape(name);
    return {
      table: metadata.tableName,
      head: `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(', ')})`,
      properties: columns.map((c) => c.propertyName),
      columns,
      plain,
    };
  }

  private runner(): QueryRunner {
    if (!this.qr) throw new Error('BulkWriter is not open');
    return this.qr;
  }

  private placeholders(columnCount: number, rowCount: number): string {
    const key = `${columnCount}x${rowCount}`;
    let text = this.placeholderCache.get(key);
    if (!text) {
      const row = `(${new Array(columnCount).fill('?').join(',')})`;
      text = new Array(rowCount).fill(row).join(',');
      this.placeholderCache.set(key, text);
    }
    return text;
  }
}
