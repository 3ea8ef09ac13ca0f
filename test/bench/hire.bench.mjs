// `npm run bench:hire`: independent hires per second on MySQL (POST /api/v1/applications/:id/hire).
//
// Makes a fresh MySQL database, seeds it (city scale with many open vacancies), then prepares --hires
// independent hires: open vacancies of verified employers with positions left, each position paired with
// a different seeker holding an ACTIVE card, through a fresh SUBMITTED application. Starts the built
// service, signs in each employer once, and fires every hire exactly once, --connections at a time,
// with autocannon. Each hire is the full transaction of the contract (application HIRED, card PLACED,
// seeker placed, other applications closed, vacancy counted / FILLED, outbox, audit, labour events).
// Afterwards it checks the database: one placement per 201, no seeker placed twice, no vacancy over quota.
// Everything it starts is stopped and the database dropped, also on failure or Ctrl-C.
//
// Options: --hires 3000  --connections 20  --cards 30000  --no-build  --keep
import mysql from 'mysql2/promise';
import { parseArgs } from 'node:util';
import {
  buildIfNeeded,
  fmt,
  freshMysqlDatabase,
  hireLoad,
  log,
  machine,
  mysqlVersion,
  prepareHires,
  runBench,
  seed,
  signInEmployers,
  startService,
  stopServer,
  dbEnvFor,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    hires: { type: 'string', default: '3000' },
    connections: { type: 'string', default: '20' },
    cards: { type: 'string', default: '30000' },
    runs: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

async function main() {
  buildIfNeeded(opt['no-build']);
  const url = await freshMysqlDatabase('hire', { keep: opt.keep });
  const engine = await mysqlVersion(url);
  const { accounts } = seed(dbEnvFor('mysql', url), 'hire', [
    '--scale',
    'city',
    '--cards',
    opt.cards,
    '--vacancies',
    '12000',
    '--open-vacancies',
    '8000',
    '--validations',
    opt.cards,
  ]);
  const server = await startService('mysql', url);
  const rows = [];
  try {
    for (let r = 1; r <= Number(opt.runs); r++) {
      const jobs = await prepareHires(url, Number(opt.hires), accounts.today);
      if (jobs.length < Number(opt.hires)) log(`only ${jobs.length} independent hires could be prepared`);
      const employers = await signInEmployers(server.base, jobs, accounts.password);
      log(`run ${r}: ${jobs.length} hires prepared across ${employers} employers`);
      const before = await counts(url);
      const t0 = performance.now();
      const res = await hireLoad(server, jobs, accounts.today, Number(opt.connections));
      const seconds = (performance.now() - t0) / 1000;
      const after = await counts(url);
      const created = res.statusCodes['201']?.count ?? 0;
      // Hires over the run's own time rather than autocannon's per-second average. autocannon still ends a run
      // on its one-second tick, so a run of a few seconds reads coarsely (3,000 hires: 333 or 375/s): use
      // more hires (--hires 6000) to tell close figures apart.
      res.reqPerSec = created / seconds;
      log(
        `run ${r}: ${fmt(res.reqPerSec, 1)} hires/s, p50 ${res.p50} ms, p99 ${res.p99} ms, ${created} × 201, status codes ${JSON.stringify(res.statusCodes)}`,
      );
      if (after.placements - before.placements !== created)
        throw new Error(
          `${created} hires answered 201 but ${after.placements - before.placements} placements were written`,
        );
      if (after.doublePlaced > 0 || after.overQuota > 0)
        throw new Error(`inconsistent after load: ${JSON.stringify(after)}`);
      rows.push({ run: r, hires: jobs.length, created, employers, ...res });
    }
  } finally {
    await stopServer(server);
  }
  const m = machine();
  process.stdout.write(
    `\n${m.date} · ${m.text} · ${engine}\nnpm run bench:hire -- --hires ${opt.hires} --connections ${opt.connections}\n\n`,
  );
  process.stdout.write(
    '| date | engine | run | hires | employers | 201 | hires/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${m.date} | MySQL | ${r.run} | ${r.hires} | ${r.employers} | ${r.created} | ${fmt(r.reqPerSec, 1)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |\n`,
    );
  }
}

async function counts(url) {
  const c = await mysql.createConnection(url);
  try {
    const [[p]] = await c.query('SELECT COUNT(*) AS n FROM placements');
    const [[d]] = await c.query(
      'SELECT COUNT(*) AS n FROM (SELECT seeker_id FROM placements GROUP BY seeker_id HAVING COUNT(*) > 1) t',
    );
    const [[q]] = await c.query('SELECT COUNT(*) AS n FROM vacancies WHERE filled > quota');
    return { placements: Number(p.n), doublePlaced: Number(d.n), overQuota: Number(q.n) };
  } finally {
    await c.end();
  }
}

runBench(main);
