// `npm run bench:search`: load on the public vacancy search (GET /api/v1/vacancies) with the database
// driver, on SQLite and on MySQL.
//
// For each engine it makes a fresh database, seeds it with --open-vacancies (default 60,000) vacancies
// still open today among --vacancies in all, starts the built service on a loopback port, checks that
// at least 50,000 are searchable (OPEN, employer VERIFIED), then runs autocannon on four representative
// queries, each for --duration seconds after a short warm-up:
//   all         no filter (newest first)
//   words       q with two words, cycling through common job words
//   edu+kec     educationLevel + kecamatanCode, cycling through the kecamatan
//   salary      salaryMin + sort=salary
// (the same queries as search-queries.mjs lists). Then, unless --no-driver, it times the driver alone on the
// same database, in-process (search-driver.mjs): every search computed (cache off) and repeated (cache on), to
// tell the driver's time from HTTP's. Each sample must find something, or the index is not in step and it stops.
// Everything it starts is stopped and every database it made is dropped, also on failure or Ctrl-C.
//
// Options: --engines sqlite,mysql  --vacancies 66000  --open-vacancies 60000  --cards 20000
//          --duration 10  --connections 10  --cache-entries N  --no-driver  --no-build  --keep
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  buildIfNeeded,
  cannon,
  fmt,
  freshMysqlDatabase,
  freshSqliteFile,
  log,
  machine,
  mysqlVersion,
  runBench,
  seed,
  startService,
  stopServer,
  dbEnvFor,
  BENCH_ENV,
  ROOT,
} from './lib.mjs';
import { QUERIES } from './search-queries.mjs';

const { values: opt } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,mysql' },
    vacancies: { type: 'string', default: '66000' },
    'open-vacancies': { type: 'string', default: '60000' },
    cards: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // Results the service keeps (SEARCH_CACHE_ENTRIES); 0 makes every search compute, as right after a change.
    'cache-entries': { type: 'string' },
    // Skip the in-process measurement of the driver (search-driver.mjs) after the HTTP runs.
    'no-driver': { type: 'boolean', default: false },
  },
});

async function main() {
  buildIfNeeded(opt['no-build']);
  const rows = [];
  const driverRows = [];
  let engineInfo = '';
  for (const engine of opt.engines
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const target =
      engine === 'mysql' ? await freshMysqlDatabase('search', { keep: opt.keep }) : freshSqliteFile('search');
    if (engine === 'mysql') engineInfo = await mysqlVersion(target);
    log(`${engine}: seeding ${opt['open-vacancies']} open vacancies (${opt.vacancies} in all)`);
    seed(dbEnvFor(engine, target), `search-${engine}`, [
      '--scale',
      'city',
      '--cards',
      opt.cards,
      '--vacancies',
      opt.vacancies,
      '--open-vacancies',
      opt['open-vacancies'],
      '--validations',
      opt.cards,
    ]);
    const cacheEnv = opt['cache-entries'] === undefined ? {} : { SEARCH_CACHE_ENTRIES: opt['cache-entries'] };
    const server = await startService(engine, target, cacheEnv);
    try {
      const total = (await (await fetch(`${server.base}/api/v1/vacancies?pageSize=1`)).json()).total;
      log(`${engine}: ${total} searchable vacancies`);
      if (total < 50_000 && Number(opt['open-vacancies']) >= 55_000)
        throw new Error(`only ${total} searchable vacancies; the benchmark needs at least 50,000`);
      for (const q of QUERIES) {
        const sample = await (await fetch(`${server.base}${q.paths[0]}`)).json();
        if (!(sample.total > 0)) throw new Error(`${q.name}: ${q.paths[0]} found nothing; the index is not in step`);
        let next = 0;
        const requests = [
          { method: 'GET', setupRequest: (req) => ({ ...req, path: q.paths[next++ % q.paths.length] }) },
        ];
        const r = await cannon(server, {
          requests,
          connections: Number(opt.connections),
          duration: Number(opt.duration),
          warmup: 2,
        });
        rows.push({ engine, query: q.name, matches: sample.total, searchable: total, ...r });
        log(
          `${engine} ${q.name}: ${fmt(r.reqPerSec)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${sample.total} matches, ${r.errors} errors, ${r.non2xx} non-2xx)`,
        );
      }
    } finally {
      await stopServer(server);
    }
    if (!opt['no-driver']) driverRows.push(...driverTimes(engine, target));
  }
  const m = machine();
  const command = `npm run bench:search -- --engines ${opt.engines} --vacancies ${opt.vacancies} --open-vacancies ${opt['open-vacancies']} --duration ${opt.duration} --connections ${opt.connections}${opt['cache-entries'] === undefined ? '' : ` --cache-entries ${opt['cache-entries']}`}`;
  process.stdout.write(`\n${m.date} · ${m.text}${engineInfo ? ` · ${engineInfo}` : ''}\n${command}\n\n`);
  process.stdout.write(
    '| date | engine | searchable | query | matches | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${m.date} | ${r.engine} | ${fmt(r.searchable)} | ${r.query} | ${fmt(r.matches)} | ${fmt(r.reqPerSec, 1)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |\n`,
    );
  }
  if (driverRows.length === 0) return;
  process.stdout.write(
    '\nThe driver alone, in-process (test/bench/search-driver.mjs): ms per search, one at a time\n\n' +
      '| engine | query | cache | mean | p50 | p99 |\n|---|---|---|---|---|---|\n',
  );
  for (const r of driverRows) {
    process.stdout.write(
      `| ${r.engine} | ${r.query} | ${r.cache} | ${fmt(r.meanMs, 2)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} |\n`,
    );
  }
}

/** The driver's own time per search on the same database, without HTTP (see search-driver.mjs). */
function driverTimes(engine, target) {
  log(`${engine}: the driver alone (search-driver.mjs)`);
  const r = spawnSync('node', ['test/bench/search-driver.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...BENCH_ENV, ...dbEnvFor(engine, target) },
  });
  if (r.status !== 0) throw new Error(`search-driver.mjs failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => ({ engine, ...JSON.parse(line) }));
}

runBench(main);
