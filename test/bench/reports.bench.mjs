// `npm run bench:reports`: how fast the officers' reports answer at national scale on MySQL.
//
// Makes a fresh MySQL database and seeds it with --scale (default national: 1,000,000 cards, 20,000
// employers, 200,000 vacancies, ~2,000,000 validations, their applications, placements and labour
// history), starts the built service, signs in as an officer and times, --runs times each, one request
// at a time (after one untimed warm-up request):
//   GET /api/v1/monitoring/summary?from=&to=           (one month)
//   GET /api/v1/monitoring/employers?from=&to=          (first page, default sort, one month)
//   GET /api/v1/monitoring/employers?...&participating=false&status=VERIFIED   (the outreach list)
//   GET /api/v1/reports/ipk-iii-{1..8}?year=&month=     (one month)
//   GET /api/v1/monitoring/outcomes?from=&to=           (one month, and the twelve months up to it)
//   GET /api/v1/monitoring/employers?...&silentClosures=true&status=VERIFIED   (closed vacancies, nothing said)
// then closes that month (POST /api/v1/reports/periods/:m/close, timed once) and reads III/1, III/2, III/8 of the
// closed month (answered from storage; target under 50 ms).
// The month is the last full month before the seed's "today". Prints median and max per route; the
// target is under 2 s each. With --mysql-url it measures an existing seeded database instead (no seeding,
// nothing dropped). Everything it starts is stopped and the database it made is dropped.
//
// Options: --scale national  --runs 7  --mysql-url URL  --no-build  --keep
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import {
  buildIfNeeded,
  fmt,
  freshMysqlDatabase,
  log,
  login,
  machine,
  mysqlVersion,
  runBench,
  seed,
  startService,
  stats,
  stopServer,
  dbEnvFor,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    scale: { type: 'string', default: 'national' },
    runs: { type: 'string', default: '7' },
    'mysql-url': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const TARGET_MS = 2000;

async function main() {
  buildIfNeeded(opt['no-build']);
  let url = opt['mysql-url'];
  let seedSeconds = null;
  if (!url) {
    url = await freshMysqlDatabase('reports', { keep: opt.keep });
    seedSeconds = seed(dbEnvFor('mysql', url), 'reports', ['--scale', opt.scale]).seconds;
  }
  const engine = await mysqlVersion(url);
  const sizes = await tableSizes(url);
  log(
    `database: ${Object.entries(sizes)
      .map(([t, n]) => `${t} ${fmt(n)}`)
      .join(', ')}`,
  );

  const server = await startService('mysql', url);
  const rows = [];
  try {
    const today = await seedToday(url);
    const monthStart = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    monthStart.setUTCMonth(monthStart.getUTCMonth() - 1);
    const from = monthStart.toISOString().slice(0, 10);
    const last = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0))
      .toISOString()
      .slice(0, 10);
    const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    const yearStart = new Date(monthStart);
    yearStart.setUTCMonth(yearStart.getUTCMonth() - 11);
    const yearFrom = yearStart.toISOString().slice(0, 10);
    const token = await login(server.base, 'officer@seed.example.com', 'Seed-Passw0rd!');
    const routes = [
      ['summary (one month)', `/api/v1/monitoring/summary?from=${from}&to=${last}`],
      ['employers, first page', `/api/v1/monitoring/employers?from=${from}&to=${last}`],
      [
        'employers, outreach list',
        `/api/v1/monitoring/employers?from=${from}&to=${last}&participating=false&status=VERIFIED`,
      ],
      ...['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => [
        `IPK III/${n} (one month)`,
        `/api/v1/reports/ipk-iii-${n}?year=${year}&month=${month}`,
      ]),
      ['outcomes (one month)', `/api/v1/monitoring/outcomes?from=${from}&to=${last}`],
      ['outcomes (twelve months)', `/api/v1/monitoring/outcomes?from=${yearFrom}&to=${last}`],
      [
        'employers, silent closures',
        `/api/v1/monitoring/employers?from=${from}&to=${last}&silentClosures=true&status=VERIFIED`,
      ],
    ];
    const timeRoutes = async (list) => {
      for (const [name, path] of list) {
        const timings = [];
        let first;
        for (let r = 0; r <= Number(opt.runs); r++) {
          const t0 = performance.now();
          const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
          const body = await res.json();
          const ms = performance.now() - t0;
          if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
          if (r === 0) first = { ms, body };
          else timings.push(ms);
        }
        const s = stats(timings);
        rows.push({ name, path, firstMs: first.ms, ...s });
        log(
          `${name}: first ${fmt(first.ms)} ms, median ${fmt(s.median)} ms, max ${fmt(s.max)} ms ${s.max < TARGET_MS ? '(under 2 s)' : '(OVER 2 s)'}`,
        );
        if (name.startsWith('summary')) log(`  summary: ${JSON.stringify(first.body)}`);
        if (name === 'outcomes (one month)')
          log(`  outcomes: ${JSON.stringify({ ...first.body, byMonth: undefined })}`);
      }
    };
    await timeRoutes(routes);
    // Closing the month (its eight tables computed and stored once), then the closed month's tables read
    // back from storage. The closing is timed once; it changes the database, so it runs last.
    const period = `${year}-${String(month).padStart(2, '0')}`;
    const t0 = performance.now();
    const closing = await fetch(`${server.base}/api/v1/reports/periods/${period}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const closeMs = performance.now() - t0;
    if (closing.status !== 200 && closing.status !== 409)
      throw new Error(`closing ${period} answered ${closing.status}: ${await closing.text()}`);
    rows.push({
      name: `closing ${period} (eight tables stored)`,
      path: 'POST',
      firstMs: closeMs,
      median: closeMs,
      max: closeMs,
    });
    log(`closing ${period}: ${fmt(closeMs)} ms (${closing.status})`);
    await timeRoutes(
      ['1', '2', '8'].map((n) => [
        `IPK III/${n} (closed month)`,
        `/api/v1/reports/ipk-iii-${n}?year=${year}&month=${month}`,
      ]),
    );
  } finally {
    await stopServer(server);
  }
  const m = machine();
  process.stdout.write(
    `\n${m.date} · ${m.text} · ${engine}\nnpm run bench:reports -- ${opt['mysql-url'] ? `--mysql-url ${opt['mysql-url']}` : `--scale ${opt.scale}`} --runs ${opt.runs}${seedSeconds ? ` (seeding took ${fmt(seedSeconds)} s)` : ''}\n`,
  );
  process.stdout.write(
    `${Object.entries(sizes)
      .map(([t, n]) => `${t} ${fmt(n)}`)
      .join(', ')}\n\n`,
  );
  process.stdout.write(
    '| date | route | first (cold) ms | median ms | max ms | under 2 s |\n|---|---|---|---|---|---|\n',
  );
  for (const r of rows)
    process.stdout.write(
      `| ${m.date} | ${r.name} | ${fmt(r.firstMs)} | ${fmt(r.median)} | ${fmt(r.max)} | ${r.max < TARGET_MS ? 'yes' : '**no**'} |\n`,
    );
}

async function tableSizes(url) {
  const c = await mysql.createConnection(url);
  try {
    const out = {};
    for (const t of [
      'cards',
      'employers',
      'vacancies',
      'card_validations',
      'applications',
      'placements',
      'labour_events',
      'vacancy_outcomes',
    ]) {
      const [[row]] = await c.query(`SELECT COUNT(*) AS n FROM ${t}`);
      out[t] = Number(row.n);
    }
    return out;
  } finally {
    await c.end();
  }
}

/** The seeded data ends the day before "today": the latest validation tells which day that was. */
async function seedToday(url) {
  const c = await mysql.createConnection(url);
  try {
    const [[row]] = await c.query(
      `SELECT DATE_FORMAT(CONVERT_TZ(MAX(checked_at), '+00:00', '+07:00'), '%Y-%m-%d') AS d FROM card_validations`,
    );
    const last = new Date(`${row.d}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 1);
    return last.toISOString().slice(0, 10);
  } finally {
    await c.end();
  }
}

runBench(main);
