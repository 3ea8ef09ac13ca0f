import type { DataSource, QueryRunner } from 'typeorm';

export type SqlValue = string | number | null;

/** SQLite binds at most 32,766 parameters per statement; stay well below on both engines. */
const MAX_PARAMS = 30_000;
/** Rows per transaction: large enough to amortise the commit, small enough to keep undo logs short. */
const ROWS_PER_TRANSACTION = 20_000;

/**
 * Writes rows with multi-row INSERT statements on one connection, committing every few thousand
 * rows. The ORM's per-entity inserts would cost one round trip per row; a million cards need batches.
 * On MySQL the next batch is generated while the previous statement runs (one statement in flight).
 */
export class BulkWriter {
  private qr: QueryRunner | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private rowsInTransaction = 0;
  private readonly placeholderCache = new Map<string, string>();
  readonly counts = new Map<string, number>();

  constructor(private readonly ds: DataSource) {}

  get isMysql(): boolean {
    return this.ds.options.type === 'mysql';
  }

  async open(): Promise<void> {
    this.qr = this.ds.createQueryRunner();
    await this.qr.connect();
    if (!this.isMysql) {
      // The seed is re-runnable from scratch, so losing it to a power cut is acceptable.
      await this.qr.query('PRAGMA synchronous = OFF');
    }
    await this.qr.startTransaction();
  }

  /** Queues the INSERT of `rows` (each in `columns` order) into `table`. */
  async insert(table: string, columns: readonly string[], rows: SqlValue[][]): Promise<void> {
    if (rows.length === 0) return;
    const qr = this.runner();
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${this.placeholders(columns.length, chunk.length)}`;
      const params = chunk.flat();
      // Keep one statement in flight: wait for the previous one, then send this one without waiting.
      await this.inFlight;
      this.inFlight = qr.query(sql, params);
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
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
