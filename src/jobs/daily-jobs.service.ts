import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { addDays, jakartaDate, startOfJakartaDay } from '../common/dates.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** One task of the daily job. It must be safe to run twice, or on two instances at once. */
export type DailyTask = (now: Date) => Promise<Record<string, number>>;

/**
 * The daily job: features register their tasks (expire cards, close vacancies past their date).
 * Scheduled in-process shortly after midnight Asia/Jakarta when SCHEDULER_ENABLED, and runnable as
 * `npm run jobs:daily`. Tasks are written as conditional updates, so overlapping runs do no harm.
 */
@Injectable()
export class DailyJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyJobs');
  private readonly tasks = new Map<string, DailyTask>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  register(name: string, task: DailyTask): void {
    this.tasks.set(name, task);
  }

  /** Runs every task in registration order; one failing task does not stop the others. */
  async runAll(): Promise<Record<string, Record<string, number> | { error: string }>> {
    const now = this.clock.now();
    const report: Record<string, Record<string, number> | { error: string }> = {};
    for (const [name, task] of this.tasks) {
      try {
        report[name] = await task(now);
      } catch (err) {
        report[name] = { error: (err as Error).message };
        this.logger.error({ msg: 'daily task failed', task: name, error: (err as Error).message });
      }
    }
    this.logger.log({ msg: 'daily job finished', report });
    return report;
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    // Catch up once at start (a restart may have missed midnight), then every day.
    this.trigger();
    this.scheduleNext();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleNext(): void {
    const now = this.clock.now();
    const next = new Date(startOfJakartaDay(addDays(jakartaDate(now), 1)).getTime() + 5 * 60_000);
    this.timer = setTimeout(() => {
      this.trigger();
      this.scheduleNext();
    }, Math.max(1000, next.getTime() - now.getTime()));
    this.timer.unref();
  }

  private trigger(): void {
    if (this.running) return;
    this.running = this.runAll().finally(() => (this.running = null));
  }
}
