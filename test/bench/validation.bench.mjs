// `npm run bench:validation`: load on POST /api/v1/card-validations.
//
// For each engine (SQLite in a fresh file under /tmp, MySQL in a fresh database) it seeds at least
// 200,000 cards, starts the built service (node dist/main.js) on a free loopback port, signs in as
// a verified employer's staff and runs autocannon with a mix of real (cardNumber, nik) pairs and
// pairs that match nothing, sampling the service's resident memory meanwhile. On MySQL it then runs
// the same load against test/bench/baseline-fastify.mjs and prints our throughput as a share of it.
// Everything it starts is stopped at the end, also on failure or Ctrl-C (test/bench/lib.mjs).
//
// Options: --engines sqlite,mysql  --cards 200000  --duration 20  --connections 50  --log-level warn
//          --no-build  --keep
import { parseArgs } from 'node:util';
import {
  BENCH_ENV,
  buildIfNeeded,
  freshMysqlDatabase,
  freshSqliteFile,
  log,
  login,
  machine,
  runBench,
  seed,
  startServer,
  startService,
  stopServer,
  validationLoad,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,mysql' },
    cards: { type: 'string', default: '200000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    'log-level': { type: 'string', default: 'warn' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const CARDS = Number(opt.cards);
const LOAD = { connections: Number(opt.connections), duration: Number(opt.duration) };
const ENV = { LOG_LEVEL: opt['log-level'] };
const SEED_ARGS = ['--scale', 'province', '--cards', String(CARDS)];

runBench(async () => {
  buildIfNeeded(opt['no-build']);
  const rows = [];
  for (const engine of opt.engines
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (engine !== 'sqlite' && engine !== 'mysql') throw new Error(`unknown engine ${engine}`);
    const target =
      engine === 'mysql' ? await freshMysqlDatabase('validation', { keep: opt.keep }) : freshSqliteFile('validation');
    log(`${engine}: seeding ${CARDS} cards`);
    const { accounts } = seed(
      engine === 'mysql' ? { DB_TYPE: 'mysql', DB_URL: target } : { DB_TYPE: 'sqlite', DB_PATH: target },
      `validation-${engine}`,
      SEED_ARGS,
    );
    const employer = accounts.employers[0];

    const service = await startService(engine, target, ENV);
    try {
      rows.push(
        row(
          'service',
          engine,
          await validationLoad(service, await login(service.base, employer.email, accounts.password), accounts, LOAD),
        ),
      );
    } finally {
      await stopServer(service);
    }
    if (engine !== 'mysql') continue;
    // The least a validation can cost: the same lookup and audit insert in Fastify + mysql2.
    const baseline = await startServer('baseline (fastify + mysql2)', ['test/bench/baseline-fastify.mjs'], {
      ...BENCH_ENV,
      ...ENV,
      DB_URL: target,
      BASELINE_EMPLOYER_ID: employer.employerId,
      BASELINE_USER_ID: employer.userId,
    });
    try {
      rows.push(row('baseline', engine, await validationLoad(baseline, null, accounts, LOAD)));
    } finally {
      await stopServer(baseline);
    }
  }
  report(rows);
});

function row(target, engine, r) {
  const failed = r.errors + r.non2xx;
  log(
    `${target} on ${engine}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB, ${r.requests} requests, ${failed} errors/non-2xx`,
  );
  if (failed > 0) log(`WARNING: ${failed} requests failed or were not 2xx`);
  return { target, engine, ...r };
}

function report(rows) {
  const { date, text } = machine();
  const baseline = rows.find((r) => r.target === 'baseline');
  process.stdout.write(
    `\n${date} · ${text}\nnpm run bench:validation -- --cards ${CARDS} --duration ${LOAD.duration} --connections ${LOAD.connections}\n\n`,
  );
  process.stdout.write(
    '| date | engine | target | req/s | p50 ms | p99 ms | peak RSS MB | ratio to baseline |\n|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    const ratio = baseline && r.engine === 'mysql' ? (r.reqPerSec / baseline.reqPerSec).toFixed(2) : '—';
    process.stdout.write(
      `| ${date} | ${r.engine} | ${r.target} | ${r.reqPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.peakRssMb.toFixed(0)} | ${ratio} |\n`,
    );
  }
  const ours = rows.find((r) => r.target === 'service' && r.engine === 'mysql');
  if (ours && baseline)
    process.stdout.write(`\nMySQL ratio (ours / baseline): ${(ours.reqPerSec / baseline.reqPerSec).toFixed(2)}\n`);
}
