import { requestContext } from '../common/request-context.js';

type Value = string | number | null;

interface Waiting {
  row: Value[];
  done: () => void;
  failed: (err: unknown) => void;
}

/**
 * Group commit for one append-only table: rows that arrive while an INSERT of the table is in flight
 * wait for it and then go together, as one multi-row INSERT. Each caller's promise settles when its own
 * row is stored (or has failed), so nothing is answered before it is written and nothing waits on a
 * timer: a lone row is inserted at once, exactly as before; under load a few dozen rows share one
 * statement, one round trip and one commit (decision 126).
 *
 * If a batch fails, its rows are tried again one at a time, so a row the database refuses fails only
 * its own caller. Only for rows that need nothing back from the database (no generated key, no
 * conflict handling), in a table no transaction of the caller has to see them in.
 */
export class InsertBatcher {
  private readonly queue: Waiting[] = [];
  /** The statement for n rows, its text made once per n. */
  private readonly statementsBySize: string[] = [];
  private flushing = false;
  /** Rows stored and statements that stored them, since start (for tests and the benchmark's notes). */
  readonly stats = { rows: 0, statements: 0 };

  /**
   * @param run     runs one statement with its parameters (the caller picks the protocol)
   * @param head    `INSERT INTO table (a, b, c) VALUES`
   * @param width   the number of columns: each row is `width` values in the head's order
   * @param maxRows the most rows one statement carries
   */
  constructor(
    private readonly run: (sql: string, params: Value[]) => Promise<unknown>,
    private readonly head: string,
    private readonly width: number,
    private readonly maxRows = 64,
  ) {
    if (width < 1 || maxRows < 1) throw new Error('InsertBatcher needs at least one column and one row');
  }

  /** Stores one row; settles when it is stored. */
  insert(row: Value[]): Promise<void> {
    if (row.length !== this.width) return Promise.reject(new Error(`expected ${this.width} values, got ${row.length}`));
    return new Promise<void>((done, failed) => {
      this.queue.push({ row, done, failed });
      // The writer runs outside the request that happened to start it: its rows belong to many requests,
      // and one of them being abandoned must not stop the others' rows.
      if (!this.flushing) requestContext.exit(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxRows);
        try {
          await this.store(batch);
          for (const w of batch) w.done();
        } catch (err) {
          if (batch.length === 1) batch[0].failed(err);
          else await Promise.all(batch.map((w) => this.store([w]).then(w.done, w.failed)));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async store(batch: Waiting[]): Promise<void> {
    await this.run(
      this.sqlFor(batch.length),
      batch.flatMap((w) => w.row),
    );
    this.stats.statements += 1;
    this.stats.rows += batch.length;
  }

  private sqlFor(rows: number): string {
    let sql = this.statementsBySize[rows];
    if (sql === undefined) {
      const tuple = `(${new Array<string>(this.width).fill('?').join(', ')})`;
      sql = `${this.head} ${new Array<string>(rows).fill(tuple).join(', ')}`;
      this.statementsBySize[rows] = sql;
    }
    return sql;
  }
}
