import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { sqlInstant } from '../common/sql.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DAILY_TASKS } from './daily-tasks.js';

export type DailyReport = Record<string, Record<string, number> | { error: string }>;

const JOB = 'daily';
/** How often each instance checks whether today's run is still to be done. */
const CHECK_EVERY_MS = 10 * 60_000;
const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * The daily job: the tasks listed in daily-tasks.ts (expire cards, close vacancies past their date, …).
 *
 * With SCHEDULER_ENABLED every instance checks every ten minutes (and at start) whether today's run
 * (Asia/Jakarta) has finished; if not, it tries to become the runner — on MySQL by a named lock, which
 * the server releases if the runner dies — runs every task, and records the day as done in `job_runs`.
 * So of several instances one runs the job, once a day, and a crashed run is taken over by another
 * instance at its next check. `npm run jobs:daily` runs it by hand. Tasks are conditional updates, so
 * even an overlapping run would change each row once.
 */
@Injectable()
export class DailyJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyJobs');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** In-process queue of runIfDue calls: one at a time per process, whatever the engine. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly modules: ModuleRef,
  ) {}

  /** Runs every task in the listed order; one failing task does not stop the others. */
  async runAll(): Promise<DailyReport> {
    const now = this.clock.now();
    const report: DailyReport = {};
    for (const { name, owner, run } of DAILY_TASKS) {
      try {
        report[name] = await run(this.modules.get(owner, { strict: false }), now);
      } catch (err) {
        report[name] = { error: (err as Error).message };
        this.logger.error({ msg: 'daily task failed', task: name, error: (err as Error).message });
      }
    }
    this.logger.log({ msg: 'daily job finished', report });
    return report;
  }

  /**
   * Runs today's job unless it has already finished (here or on another instance) or another instance
   * is running it now. Returns the report, or null when there was nothing to do.
   */
  runIfDue(): Promise<DailyReport | null> {
    const next = this.queue.then(() => this.runIfDueNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runIfDueNow(): Promise<DailyReport | null> {
    const today = this.clock.today();
    if (await this.finished(today)) return null;
    return this.exclusively(async () => {
      if (await this.finished(today)) return null;
      const report = await this.runAll();
      const failed = Object.values(report).some((r) => 'error' in r);
      // A failed task leaves the day open, so the next check tries again.
      if (!failed) {
        await this.ds
          .createQueryBuilder()
          .insert()
          .into('job_runs')
          .values({
            job: JOB,
            run_date: today,
            instance: INSTANCE,
            finished_at: sqlInstant(this.clock.now()),
            report: JSON.stringify(report),
          })
          .orIgnore()
          .execute();
      }
      return report;
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.check();
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private check(): void {
    if (this.running) return;
    this.running = this.runIfDue()
      .catch((err: unknown) => this.logger.error({ msg: 'daily job check failed', error: (err as Error).message }))
      .finally(() => (this.running = null));
  }

  private async finished(day: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM job_runs WHERE job = ? AND run_date = ?', [JOB, day]);
    return rows.length > 0;
  }

  /**
   * Runs `work` only if no other instance holds the job's lock: on MySQL a named lock on a dedicated
   * connection (released by the server if this process dies). SQLite serves a single process, where
   * the in-process queue of runIfDue is enough.
   */
  private async exclusively<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.ds.options.type !== 'mysql') return work();
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [row] = await qr.query(`SELECT GET_LOCK('ak1_daily_job', 0) AS got`);
      if (Number(row?.got) !== 1) return null;
      try {
        return await work();
      } finally {
        await qr.query(`SELECT RELEASE_LOCK('ak1_daily_job')`);
      }
    } finally {
      await qr.release();
    }
  }
}
