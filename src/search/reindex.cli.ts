import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { JsonLogger } from '../common/logger.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { Transactions } from '../database/transactions.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchableVacancies } from './searchable-vacancies.js';

/**
 * `npm run search:reindex`: rebuilds the search index of the configured driver from the database, then exits.
 * Meilisearch: into a fresh index swapped in; safe while the service runs (changes made meanwhile stay in
 * the outbox and are delivered to the new index). Database: `searchable_vacancies` and its full-text index,
 * in one transaction (writers wait for it; searches see the old rows until it commits).
 */
async function main() {
  const config = { ...loadConfig(), schedulerEnabled: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger('warn') });
  try {
    const report =
      config.search.driver === 'meilisearch'
        ? await app.get(SearchIndexer).reindex()
        : await app.get(Transactions).run(async (m) => ({
            table: 'searchable_vacancies',
            documents: await app.get(SearchableVacancies).rebuild(m),
          }));
    process.stdout.write(JSON.stringify(report) + '\n');
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Reindex failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
