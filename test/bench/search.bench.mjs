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
// Everything it starts is stopped and every database it made is dropped, also on failure or Ctrl-C.
//
// Options: --engines sqlite,mysql  --vacancies 66000  --open-vacancies 60000  --cards 20000
//          --duration 10  --connections 10  --no-build  --keep
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
} from './lib.mjs';

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
  },
});

const KECAMATAN = Array.from({ length: 18 }, (_, i) => `16.71.${String(i + 1).padStart(2, '0')}`);
const WORDS = [
  'kasir minimarket',
  'teknisi listrik',
  'mekanik motor',
  'staf administrasi',
  'juru masak',
  'sopir pengiriman',
  'pelayanan pelanggan',
  'gudang forklift',
];

/** The representative queries: a name and the paths autocannon cycles through. */
const QUERIES = [
  { name: 'no filter', paths: ['/api/v1/vacancies'] },
  { name: 'q, two words', paths: WORDS.map((w) => `/api/v1/vacancies?q=${encodeURIComponent(w)}`) },
  {
    name: 'education + kecamatan',
    paths: KECAMATAN.map(
      (k, i) => `/api/v1/vacancies?educationLevel=${['SMA', 'SMK', 'D3', 'S1'][i % 4]}&kecamatanCode=${k}`,
    ),
  },
  {
    name: 'salaryMin + sort=salary',
    paths: ['/api/v1/vacancies?salaryMin=5000000&sort=salary', '/api/v1/vacancies?salaryMin=4000000&sort=salary'],
  },
];

async function main() {
  buildIfNeeded(opt['no-build']);
  const rows = [];
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
    const server = await startService(engine, target);
    try {
      const total = (await (await fetch(`${server.base}/api/v1/vacancies?pageSize=1`)).json()).total;
      log(`${engine}: ${total} searchable vacancies`);
      if (total < 50_000 && Number(opt['open-vacancies']) >= 55_000)
        throw new Error(`only ${total} searchable vacancies; the benchmark needs at least 50,000`);
      for (const q of QUERIES) {
        const sample = await (await fetch(`${server.base}${q.paths[0]}`)).json();
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
  }
  const m = machine();
  const command = `npm run bench:search -- --engines ${opt.engines} --vacancies ${opt.vacancies} --open-vacancies ${opt['open-vacancies']} --duration ${opt.duration} --connections ${opt.connections}`;
  process.stdout.write(`\n${m.date} · ${m.text}${engineInfo ? ` · ${engineInfo}` : ''}\n${command}\n\n`);
  process.stdout.write(
    '| date | engine | searchable | query | matches | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${m.date} | ${r.engine} | ${fmt(r.searchable)} | ${r.query} | ${fmt(r.matches)} | ${fmt(r.reqPerSec, 1)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |\n`,
    );
  }
}

runBench(main);
