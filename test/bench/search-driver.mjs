// The database search driver's own time per search, in-process (no HTTP): the built app's
// DatabaseVacancySearch on the database of DB_TYPE / DB_PATH / DB_URL, for the benchmark's four queries,
// first with every search computed (the result cache off: what the first search after a change costs),
// then with the cache on (what a repeated search costs: the version read and the items). Run by
// `npm run bench:search` after the HTTP runs; alone: `node test/bench/search-driver.mjs [--rounds N]` with
// the same environment as the service. Prints one JSON line per query and mode.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { QUERY_OBJECTS } from './search-queries.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { AppModule } = require('../../dist/src/app.module.js');
const { loadConfig } = require('../../dist/src/config/config.js');
const { DatabaseVacancySearch } = require('../../dist/src/search/database-vacancy-search.js');

const { values: opt } = parseArgs({ options: { rounds: { type: 'string', default: '40' } } });

async function measure(cacheEntries) {
  const config = {
    ...loadConfig({ ...process.env, SEARCH_CACHE_ENTRIES: String(cacheEntries) }),
    schedulerEnabled: false,
  };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const search = app.get(DatabaseVacancySearch);
    for (const { name, queries } of QUERY_OBJECTS) {
      for (const q of queries) await search.search(q); // warm-up (and, with the cache, fill it)
      const times = [];
      for (let r = 0; r < Number(opt.rounds); r++) {
        for (const q of queries) {
          const t0 = process.hrtime.bigint();
          await search.search(q);
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }
      times.sort((a, b) => a - b);
      const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      process.stdout.write(
        JSON.stringify({
          query: name,
          cache: cacheEntries > 0 ? 'on' : 'off',
          searches: times.length,
          meanMs: +mean.toFixed(2),
          p50Ms: +at(0.5).toFixed(2),
          p99Ms: +at(0.99).toFixed(2),
          maxMs: +times[times.length - 1].toFixed(2),
        }) + '\n',
      );
    }
  } finally {
    await app.close();
  }
}

await measure(0);
await measure(2000);
