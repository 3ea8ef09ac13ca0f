import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { JsonLogger } from '../common/logger.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { SearchIndexer } from './search-indexer.js';

/**
 * `npm run search:reindex`: rebuilds the Meilisearch vacancy index from the database into a fresh
 * index and swaps it in, then exits. Safe while the service runs; changes made meanwhile stay in the
 * outbox and are delivered to the new index.
 */
async function main() {
  const config = { ...loadConfig(), schedulerEnabled: false };
  if (config.search.driver !== 'meilisearch') {
    throw new ConfigError(
      'search:reindex needs SEARCH_DRIVER=meilisearch and MEILI_HOST (the database driver has no index to rebuild).',
    );
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger('warn') });
  try {
    const report = await app.get(SearchIndexer).reindex();
    process.stdout.write(JSON.stringify(report) + '\n');
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Reindex failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
