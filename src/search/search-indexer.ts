import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnqueuedTaskPromise } from 'meilisearch';
import { DataSource, In, LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Employer } from '../employers/employer.entity.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { MeiliGateway } from './meili-gateway.js';
import { MeiliVacancySearch } from './meili-vacancy-search.js';
import { toVacancyDocument, VACANCY_INDEX_SETTINGS, type VacancyDocument } from './meili-documents.js';
import { SearchOutboxEntry, type OutboxEntityType } from './search-outbox.entity.js';

export interface DrainReport {
  /** Outbox rows delivered and deleted. */
  delivered: number;
  /** Outbox rows whose delivery failed and will be retried later. */
  failed: number;
  upserted: number;
  deleted: number;
}

const BATCH = 200;
const ID_CHUNK = 500;
const WORKER_INTERVAL_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Waits for a Meilisearch task and turns a failed task into an error (the client resolves either way). */
async function settled(task: EnqueuedTaskPromise, tolerate: string[] = []): Promise<void> {
  const done = await task.waitTask();
  if (done.status === 'failed' && !tolerate.includes(done.error?.code ?? '')) {
    throw new Error(`Meilisearch task ${done.uid} (${done.type}) failed: ${done.error?.message ?? 'unknown error'}`);
  }
  if (done.status === 'canceled') throw new Error(`Meilisearch task ${done.uid} (${done.type}) was canceled`);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Keeps the Meilisearch index in step with the database (meilisearch driver only).
 *
 * - `enqueue` writes an outbox row inside the caller's transaction (a vacancy change, or an employer
 *   status change, which affects all its open vacancies).
 * - `drainOnce` delivers due rows: it reads each object's *current* state, upserts the documents of
 *   vacancies that are OPEN with a VERIFIED employer and deletes the others, then deletes the rows.
 *   On failure the rows stay, with exponential backoff; nothing is lost while Meilisearch is down.
 * - `reindex` builds a fresh index from the database and swaps it in.
 *
 * The worker timer runs only with the meilisearch driver and SCHEDULER_ENABLED (tests call drainOnce).
 * On MySQL a named lock lets only one instance drain at a time, so deliveries stay in order.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndexer');
  readonly enabled: boolean;
  private settingsApplied = false;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private ticking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly meili: MeiliGateway,
    private readonly meiliSearch: MeiliVacancySearch,
  ) {
    this.enabled = config.search.driver === 'meilisearch';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    // Settings are applied at start when Meilisearch answers; otherwise the first successful drain does it.
    await this.ensureSettings().catch((err: unknown) =>
      this.logger.warn({
        msg: 'Meilisearch unreachable at start; search falls back to the database',
        error: (err as Error).message,
      }),
    );
    if (!this.config.schedulerEnabled) return;
    this.timer = setInterval(() => this.tick(), WORKER_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Records, in the caller's transaction, that an object's search documents must be refreshed. */
  async enqueue(manager: EntityManager, entityType: OutboxEntityType, entityId: string): Promise<void> {
    if (!this.enabled) return;
    const now = this.clock.now();
    await manager.insert(SearchOutboxEntry, {
      entityType,
      entityId,
      enqueuedAt: now,
      nextAttemptAt: now,
      attempts: 0,
      lastError: null,
    });
  }

  /** Rows waiting, and how many of them have failed at least once (for /health). */
  async backlog(): Promise<{ pending: number; failing: number }> {
    const repo = this.ds.getRepository(SearchOutboxEntry);
    const [pending, failing] = await Promise.all([repo.count(), repo.count({ where: { attempts: MoreThan(0) } })]);
    return { pending, failing };
  }

  /** Delivers the due outbox rows once; safe to call at any time, also concurrently. */
  drainOnce(): Promise<DrainReport> {
    const run = this.chain.then(() => this.withDrainLock(() => this.deliverDue()));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Builds a new index from the database (every OPEN vacancy of a VERIFIED employer), swaps it with the
   * live one and drops the old. Outbox rows older than the rebuild are covered by it and deleted.
   */
  async reindex(): Promise<{ index: string; documents: number }> {
    const live = this.meili.indexName;
    const build = `${live}_rebuild_${Date.now()}`;
    const maxSeqRow = await this.ds
      .getRepository(SearchOutboxEntry)
      .createQueryBuilder('o')
      .select('MAX(o.seq)', 'm')
      .getRawOne<{ m: number | null }>();
    const coveredUpTo = Number(maxSeqRow?.m ?? 0);

    await settled(this.meili.client.createIndex(build, { primaryKey: 'id' }));
    await settled(this.meili.index(build).updateSettings(VACANCY_INDEX_SETTINGS));
    let documents = 0;
    let after = '';
    for (;;) {
      const page = await this.ds
        .getRepository(Vacancy)
        .createQueryBuilder('v')
        .innerJoin(Employer, 'e', 'e.id = v.employer_id')
        .where(`v.status = 'OPEN'`)
        .andWhere(`e.status = 'VERIFIED'`)
        .andWhere('v.id > :after', { after })
        .orderBy('v.id', 'ASC')
        .limit(1000)
        .getMany();
      if (page.length === 0) break;
      const docs = await this.documentsFor(page);
      await settled(this.meili.index(build).addDocuments(docs, { primaryKey: 'id' }));
      documents += docs.length;
      after = page[page.length - 1].id;
    }
    await settled(this.meili.client.createIndex(live, { primaryKey: 'id' }), ['index_already_exists']);
    await settled(this.meili.client.swapIndexes([{ indexes: [live, build], rename: false }]));
    await settled(this.meili.client.deleteIndex(build));
    await this.ds.getRepository(SearchOutboxEntry).delete({ seq: LessThanOrEqual(coveredUpTo) });
    this.settingsApplied = true;
    this.logger.log({ msg: 'search index rebuilt', index: live, documents });
    return { index: live, documents };
  }

  /** Creates the live index if needed and applies the settings; remembered once it succeeded. */
  async ensureSettings(): Promise<void> {
    if (this.settingsApplied) return;
    await settled(this.meili.client.createIndex(this.meili.indexName, { primaryKey: 'id' }), ['index_already_exists']);
    await settled(this.meili.index().updateSettings(VACANCY_INDEX_SETTINGS));
    this.settingsApplied = true;
  }

  private tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    this.drainOnce()
      .catch((err: unknown) => this.logger.error({ msg: 'search outbox drain failed', error: (err as Error).message }))
      .finally(() => (this.ticking = false));
  }

  private async deliverDue(): Promise<DrainReport> {
    const report: DrainReport = { delivered: 0, failed: 0, upserted: 0, deleted: 0 };
    const now = this.clock.now();
    const rows = await this.ds.getRepository(SearchOutboxEntry).find({
      where: { nextAttemptAt: LessThanOrEqual(now) },
      order: { seq: 'ASC' },
      take: BATCH,
    });
    if (rows.length === 0) return report;
    const seqs = rows.map((r) => r.seq);
    try {
      await this.ensureSettings();
      const { upserts, deletes } = await this.currentState(rows);
      if (upserts.length > 0) await settled(this.meili.index().addDocuments(upserts, { primaryKey: 'id' }));
      if (deletes.length > 0) await settled(this.meili.index().deleteDocuments(deletes));
      await this.ds.getRepository(SearchOutboxEntry).delete({ seq: In(seqs) });
      this.meiliSearch.markAvailable();
      return { ...report, delivered: rows.length, upserted: upserts.length, deleted: deletes.length };
    } catch (err) {
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      const retryAt = new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempts - 1)));
      const message = String((err as Error).message ?? err).slice(0, 500);
      await this.ds
        .createQueryBuilder()
        .update(SearchOutboxEntry)
        .set({ attempts: () => 'attempts + 1', nextAttemptAt: retryAt, lastError: message })
        .where({ seq: In(seqs) })
        .execute();
      this.logger.warn({
        msg: 'search outbox delivery failed; will retry',
        rows: rows.length,
        attempts,
        retryAt: retryAt.toISOString(),
        error: message,
      });
      return { ...report, failed: rows.length };
    }
  }

  /** For the rows' objects as they are now: documents to upsert and ids to delete. */
  private async currentState(rows: SearchOutboxEntry[]): Promise<{ upserts: VacancyDocument[]; deletes: string[] }> {
    const ids = new Set(rows.filter((r) => r.entityType === 'vacancy').map((r) => r.entityId));
    const employerIds = [...new Set(rows.filter((r) => r.entityType === 'employer').map((r) => r.entityId))];
    for (const chunk of chunks(employerIds, ID_CHUNK)) {
      const open = await this.ds
        .getRepository(Vacancy)
        .find({ where: { employerId: In(chunk), status: 'OPEN' }, select: { id: true } });
      for (const v of open) ids.add(v.id);
    }
    const vacancies: Vacancy[] = [];
    for (const chunk of chunks([...ids], ID_CHUNK))
      vacancies.push(...(await this.ds.getRepository(Vacancy).findBy({ id: In(chunk) })));
    const upserts = await this.documentsFor(vacancies);
    const searchable = new Set(upserts.map((d) => d.id));
    return { upserts, deletes: [...ids].filter((id) => !searchable.has(id)) };
  }

  /** Documents of those vacancies that belong in the index (OPEN, employer VERIFIED). */
  private async documentsFor(vacancies: Vacancy[]): Promise<VacancyDocument[]> {
    const employerIds = [...new Set(vacancies.map((v) => v.employerId))];
    const employers = new Map<string, Employer>();
    for (const chunk of chunks(employerIds, ID_CHUNK)) {
      for (const e of await this.ds.getRepository(Employer).findBy({ id: In(chunk) })) employers.set(e.id, e);
    }
    return vacancies.flatMap((v) => {
      const e = employers.get(v.employerId);
      return v.status === 'OPEN' && e?.status === 'VERIFIED' ? [toVacancyDocument(v, e.legalName)] : [];
    });
  }

  /** On MySQL, one instance drains at a time (GET_LOCK with no wait); SQLite has one instance. */
  private async withDrainLock(work: () => Promise<DrainReport>): Promise<DrainReport> {
    if (this.ds.options.type !== 'mysql') return work();
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      // Named per database, so two deployments sharing a server do not wait on each other.
      const [row] = await qr.query(`SELECT GET_LOCK(CONCAT('ak1_search_outbox:', DATABASE()), 0) AS got`);
      if (Number(row?.got) !== 1) return { delivered: 0, failed: 0, upserted: 0, deleted: 0 };
      try {
        return await work();
      } finally {
        await qr.query(`SELECT RELEASE_LOCK(CONCAT('ak1_search_outbox:', DATABASE()))`);
      }
    } finally {
      await qr.release();
    }
  }
}
