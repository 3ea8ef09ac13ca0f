import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, type Connection } from 'mysql2/promise';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep } from './support';

const MARIADBD = process.env.RESILIENCE_MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL_DB = ['mariadb-install-db', 'mysql_install_db'];

/** Every server started by this process, so an abrupt end of the run still takes them down. */
const live = new Set<PrivateMariaDb>();
process.on('exit', () => {
  for (const db of live) db.destroySync();
});

/**
 * A MariaDB server of the tests' own: a fresh data directory under /tmp, loopback only, on a free
 * port, root without a password over TCP (grant tables skipped: nothing else can reach it). The
 * shared server on 3306 is never touched, so stopping, freezing and restarting this one is harmless.
 *
 * `stop()`/`start()` are a real outage (the server shuts down and comes back on the same data and
 * port); `freeze()`/`thaw()` (SIGSTOP/SIGCONT) are a hang: sockets stay open, nothing answers.
 * `destroy()` kills the process and removes the data directory; it is also run at process exit.
 */
export class PrivateMariaDb {
  readonly port: number;
  private readonly dir: string;
  private proc: ChildProcess | null = null;
  private frozen = false;

  private constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }

  /** Initialises a data directory and starts the server. */
  static async create(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'ak1-resilience-mariadb-'));
    const db = new PrivateMariaDb(dir, await freePort());
    live.add(db);
    try {
      db.install();
      await db.start();
      return db;
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }

  /** A DB_URL for the app (the database is created by `createDatabase`). */
  url(database: string): string {
    return `mysql://root@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.proc !== null;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async createDatabase(name: string): Promise<void> {
    await this.withConnection((c) =>
      c.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
    );
  }

  /** A direct connection for the tests' own checks (closed by the caller). */
  connect(database?: string): Promise<Connection> {
    return createConnection({
      host: '127.0.0.1',
      port: this.port,
      user: 'root',
      database,
      timezone: 'Z',
      dateStrings: true,
      connectTimeout: 5000,
    });
  }

  async withConnection<T>(work: (c: Connection) => Promise<T>, database?: string): Promise<T> {
    const c = await this.connect(database);
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  }

  /** Starts the server on the existing data directory and waits until it answers a query. */
  async start(): Promise<void> {
    if (this.proc) return;
    const proc = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${join(this.dir, 'mariadb.pid')}`,
        `--log-error=${join(this.dir, 'error.log')}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--innodb-log-file-size=32M',
        // Durable commits, like production: a hire acknowledged before a crash must survive it.
        '--innodb-flush-log-at-trx-commit=1',
        '--max-connections=200',
      ],
      { stdio: 'ignore' },
    );
    this.proc = proc;
    this.frozen = false;
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      if (this.proc === proc) this.proc = null;
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error(`private MariaDB exited at start:\n${this.errorLogTail()}`);
      try {
        await this.withConnection((c) => c.query('SELECT 1'));
        return;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`private MariaDB did not answer within 30 s:\n${this.errorLogTail()}`);
        await sleep(100);
      }
    }
  }

  /** Shuts the server down (SIGTERM, as an operator or systemd would) and waits for the process to end. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    if (this.frozen) this.thaw();
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)]);
    if (timedOut) {
      proc.kill('SIGKILL');
      await exited;
    }
  }

  /** Freezes the server: connections stay open and nothing answers (a hung host, a network black hole). */
  freeze(): void {
    if (!this.proc || this.frozen) return;
    this.proc.kill('SIGSTOP');
    this.frozen = true;
  }

  thaw(): void {
    if (!this.proc || !this.frozen) return;
    this.proc.kill('SIGCONT');
    this.frozen = false;
  }

  /** Kills the server and removes its data directory. Safe to call more than once. */
  async destroy(): Promise<void> {
    const proc = this.proc;
    if (proc) {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      if (this.frozen) proc.kill('SIGCONT');
      proc.kill('SIGKILL');
      await Promise.race([exited, sleep(10_000)]);
    }
    this.proc = null;
    rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }

  /** The synchronous variant for process exit. */
  destroySync(): void {
    if (this.proc?.pid) {
      try {
        process.kill(this.proc.pid, 'SIGCONT');
        process.kill(this.proc.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    this.proc = null;
    rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }

  private install(): void {
    const datadir = join(this.dir, 'data');
    for (const tool of INSTALL_DB) {
      const r = spawnSync(
        tool,
        [
          '--no-defaults',
          '--user=root',
          `--datadir=${datadir}`,
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
        ],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-2000)}`);
      return;
    }
    throw new Error(
      'Neither mariadb-install-db nor mysql_install_db is installed: the resilience tests need a local MariaDB installation.',
    );
  }

  private errorLogTail(): string {
    const file = join(this.dir, 'error.log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '(no error log)';
  }
}
