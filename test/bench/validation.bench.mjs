// `npm run bench:validation`: load on POST /api/v1/card-validations.
//
// For each engine (SQLite in a fresh file under /tmp, MySQL in a fresh database) it seeds at least
// 200,000 cards, starts the built service (node dist/main.js) on a free loopback port, signs in as
// a verified employer's staff and runs autocannon with a mix of real (cardNumber, nik) pairs and
// pairs that match nothing, sampling the service's resident memory meanwhile. On MySQL the baseline
// (test/bench/baseline-fastify.mjs) runs beside the service and the two are loaded in turns, --rounds
// times each for --duration / --rounds seconds: on a shared machine whose load drifts, alternating keeps
// the ratio fair. It prints our throughput as a share of the baseline's, per round and in all.
// Everything it starts is stopped at the end, also on failure or Ctrl-C (test/bench/lib.mjs).
//
// Options: --engines sqlite,mysql  --cards 200000  --duration 20  --connections 50  --log-level warn
//          --rounds 4  --no-build  --keep
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
    rounds: { type: 'string', default: '4' },
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
    const token = await login(service.base, employer.email, accounts.password);
    if (engine !== 'mysql') {
      try {
        rows.push(row('service', engine, await validationLoad(service, token, accounts, LOAD)));
      } finally {
        await stopServer(service);
      }
      continue;
    }
    // The least a validation can cost: the same lookup and audit insert in Fastify + mysql2, loaded in
    // turns with the service.
    const baseline = await startServer('baseline (fastify + mysql2)', ['test/bench/baseline-fastify.mjs'], {
      ...BENCH_ENV,
      ...ENV,
      DB_URL: target,
      BASELINE_EMPLOYER_ID: employer.employerId,
      BASELINE_USER_ID: employer.userId,
    });
    try {
      const rounds = Math.max(1, Number(opt.rounds));
      const slice = { ...LOAD, duration: Math.max(3, Math.round(LOAD.duration / rounds)) };
      const ours = [];
      const theirs = [];
      for (let i = 0; i < rounds; i++) {
        ours.push(await validationLoad(service, token, accounts, slice));
        theirs.push(await validationLoad(baseline, null, accounts, slice));
        log(`round ${i + 1}: ratio ${(ours[i].reqPerSec / theirs[i].reqPerSec).toFixed(2)}`);
      }
      rows.push(row('service', engine, combine(ours)), row('baseline', engine, combine(theirs)));
    } finally {
      await stopServer(baseline);
      await stopServer(service);
    }
  }
  report(rows);
});

/** Rounds of one target as one figure: requests over time, the median p50, the worst p99. */
function combine(rounds) {
  const sum = (k) => rounds.reduce((a, r) => a + r[k], 0);
  const p50s = rounds.map((r) => r.p50).sort((a, b) => a - b);
  return {
    reqPerSec: rounds.reduce((a, r) => a + r.reqPerSec, 0) / rounds.length,
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...rounds.map((r) => r.p99)),
    peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)),
    requests: sum('requests'),
    errors: sum('errors'),
    non2xx: sum('non2xx'),
  };
}

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
