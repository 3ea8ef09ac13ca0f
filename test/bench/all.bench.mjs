// `npm run bench`: the whole platform under load in one run, on MySQL, over loopback.
//
// Builds (when the sources are newer than dist/), makes a fresh MySQL database, seeds it at --scale
// (default city, so the run stays well under 15 minutes; province and national work too), starts the
// built service and runs autocannon, each load bounded in time:
//   1. card validation   POST /card-validations, real and unknown (cardNumber, nik) pairs, as an employer;
//                        the service's peak RSS is sampled during this load
//   2. vacancy search    GET /vacancies, no filter and two-word queries (public)
//   3. recording hires   POST /applications/:id/hire, --hires independent hires fired once each
//   4. monitoring        GET /monitoring/summary (this month), as an officer
// and, right after step 1 (before hires change any card), the same validation load against
// test/bench/baseline-fastify.mjs (Fastify + mysql2, the least a validation can cost) on the same
// database, printing the ratio.
// Prints a results table with date, machine, engine and command. Stops everything it started and drops
// the database, also on failure or Ctrl-C.
//
// Options: --scale city|province|national  --duration 15  --connections 50  --hires 1000  --no-build  --keep
import { parseArgs } from 'node:util';
import {
  BENCH_ENV,
  buildIfNeeded,
  cannon,
  fmt,
  freshMysqlDatabase,
  hireLoad,
  log,
  login,
  machine,
  mysqlVersion,
  prepareHires,
  runBench,
  seed,
  signInEmployers,
  startServer,
  startService,
  stopServer,
  validationLoad,
  dbEnvFor,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    scale: { type: 'string', default: 'city' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    hires: { type: 'string', default: '1000' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const DURATION = Number(opt.duration);

async function main() {
  const t0 = Date.now();
  buildIfNeeded(opt['no-build']);
  const url = await freshMysqlDatabase('all', { keep: opt.keep });
  const engine = await mysqlVersion(url);
  // City scale has ~320 open vacancies by default; ask for more so search and hires have material.
  const extra = opt.scale === 'city' ? ['--open-vacancies', '3000', '--vacancies', '6000'] : [];
  const { accounts, seconds: seedSeconds } = seed(dbEnvFor('mysql', url), 'all', ['--scale', opt.scale, ...extra]);

  const rows = [];
  const add = (load, target, r, note = '') => {
    rows.push({ load, target, note, ...r });
    log(
      `${load} (${target}): ${fmt(r.reqPerSec, 1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, peak RSS ${fmt(r.peakRssMb)} MB, ${r.requests} requests, ${r.errors + r.non2xx} errors/non-2xx ${note}`,
    );
  };

  const server = await startService('mysql', url);
  try {
    const employer = accounts.employers[0];
    const employerToken = await login(server.base, employer.email, accounts.password);
    add(
      'card validation',
      'service',
      await validationLoad(server, employerToken, accounts, {
        connections: Number(opt.connections),
        duration: DURATION,
      }),
    );
    // The baseline's turn comes now, while the seeded cards still give the answers the seed predicts
    // (the hires below place some of their holders). The service sits idle meanwhile.
    const baseline = await startServer('baseline (fastify + mysql2)', ['test/bench/baseline-fastify.mjs'], {
      ...BENCH_ENV,
      DB_URL: url,
      BASELINE_EMPLOYER_ID: employer.employerId,
      BASELINE_USER_ID: employer.userId,
    });
    try {
      add(
        'card validation',
        'baseline',
        await validationLoad(baseline, null, accounts, { connections: Number(opt.connections), duration: DURATION }),
      );
    } finally {
      await stopServer(baseline);
    }

    const words = ['kasir minimarket', 'teknisi listrik', 'staf administrasi', 'juru masak', 'sopir pengiriman'];
    const searchTotal = (await (await fetch(`${server.base}/api/v1/vacancies?pageSize=1`)).json()).total;
    add(
      'search, no filter',
      'service',
      await cannon(server, {
        requests: [{ method: 'GET', path: '/api/v1/vacancies' }],
        connections: 10,
        duration: DURATION,
      }),
      `(${searchTotal} open)`,
    );
    let w = 0;
    const wordRequests = [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/vacancies?q=${encodeURIComponent(words[w++ % words.length])}`,
        }),
      },
    ];
    add(
      'search, q two words',
      'service',
      await cannon(server, { requests: wordRequests, connections: 10, duration: DURATION }),
    );

    const jobs = await prepareHires(url, Number(opt.hires), accounts.today);
    const employers = await signInEmployers(server.base, jobs, accounts.password);
    const hires = await hireLoad(server, jobs, accounts.today, 20);
    add(
      'recording hires',
      'service',
      hires,
      `(${hires.statusCodes['201']?.count ?? 0} × 201 of ${jobs.length}, ${employers} employers)`,
    );

    const officerToken = await login(server.base, accounts.officers[0].email, accounts.password);
    const summary = [
      { method: 'GET', path: '/api/v1/monitoring/summary', headers: { authorization: `Bearer ${officerToken}` } },
    ];
    add(
      'monitoring summary',
      'service',
      await cannon(server, { requests: summary, connections: 4, duration: DURATION }),
    );
  } finally {
    await stopServer(server);
  }

  const ours = rows.find((r) => r.load === 'card validation' && r.target === 'service');
  const base = rows.find((r) => r.target === 'baseline');
  const m = machine();
  const command = `npm run bench -- --scale ${opt.scale} --duration ${opt.duration} --connections ${opt.connections} --hires ${opt.hires}`;
  process.stdout.write(
    `\n${m.date} · ${m.text} · ${engine}\n${command}\nseed: ${opt.scale} (${Object.entries(accounts.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}) in ${fmt(seedSeconds)} s; whole run ${fmt((Date.now() - t0) / 1000)} s\n\n`,
  );
  process.stdout.write(
    '| date | load | target | req/s | p50 ms | p99 ms | peak RSS MB | errors | note |\n|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows)
    process.stdout.write(
      `| ${m.date} | ${r.load} | ${r.target} | ${fmt(r.reqPerSec, 1)} | ${r.p50} | ${r.p99} | ${fmt(r.peakRssMb)} | ${r.errors + r.non2xx} | ${r.note} |\n`,
    );
  process.stdout.write(
    `\nCard validation, ours / baseline: ${(ours.reqPerSec / base.reqPerSec).toFixed(2)}; service peak RSS under the validation load ${fmt(ours.peakRssMb)} MB\n`,
  );
}

runBench(main);
