// `npm run bench:validation`: load on POST /api/v1/card-validations.
//
// For each engine (SQLite in a fresh file under /tmp, MySQL in a fresh database) it seeds at least
// 200,000 cards, starts the built service (node dist/main.js) on a free loopback port, signs in as
// a verified employer's staff and runs autocannon with a mix of real (cardNumber, nik) pairs and
// pairs that match nothing, sampling the service's resident memory meanwhile. On MySQL it then runs
// the same load against test/bench/baseline-fastify.mjs and prints our throughput as a share of it.
// Everything it starts is stopped at the end, also on failure or Ctrl-C.
//
// Options: --engines sqlite,mysql  --cards 200000  --duration 20  --connections 50
//          --mysql-url mysql://root@127.0.0.1:3306/ak1_bench  --log-level warn  --no-build  --keep
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opt } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,mysql' },
    cards: { type: 'string', default: '200000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    'mysql-url': { type: 'string', default: process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/ak1_bench' },
    'log-level': { type: 'string', default: 'warn' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const CARDS = Number(opt.cards);
const DURATION = Number(opt.duration);
const CONNECTIONS = Number(opt.connections);
const WARMUP_SECONDS = 3;
/** Share of requests whose pair matches no card (wrong NIK, or a number nobody holds). */
const NOT_FOUND_SHARE = 0.1;

// Fixed, bench-only secrets: the seeder and the servers must agree on DATA_KEY.
const BENCH_ENV = {
  NODE_ENV: 'development',
  DATA_KEY: '6b1f0c9e3a5d7e2f4a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5d7b9f1a3c5e7d9b2f',
  JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdefghij',
  VALIDATION_RATE_LIMIT: '100000000',
  ACCESS_TOKEN_TTL_SECONDS: '7200',
  SCHEDULER_ENABLED: 'false',
  LOG_LEVEL: opt['log-level'],
};

const started = []; // child processes to stop on exit
const cleanups = []; // files and databases to remove on exit
const log = (line) => process.stdout.write(`[bench] ${line}\n`);

async function main() {
  buildIfNeeded();
  const results = [];
  for (const engine of opt.engines.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (engine === 'sqlite') results.push(...(await benchSqlite()));
    else if (engine === 'mysql') results.push(...(await benchMysql()));
    else throw new Error(`unknown engine ${engine}`);
  }
  report(results);
}

// ------------------------------------------------------------------------------------------------
// Build, seed, start

/** Builds when dist/ is missing or older than any source file. */
function buildIfNeeded() {
  const entry = join(ROOT, 'dist', 'src', 'main.js');
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  const newest = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'migrations')));
  if (!opt['no-build'] && newest > built) {
    log('building (npm run build)');
    run('npm', ['run', 'build']);
  }
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run npm run build');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function seed(dbEnv, accountsFile) {
  cleanups.push(() => rmSync(accountsFile, { force: true }));
  const t0 = Date.now();
  run('node', ['dist/src/seed/seed.cli.js', '--scale', 'province', '--cards', String(CARDS), '--accounts-file', accountsFile], { ...BENCH_ENV, ...dbEnv });
  log(`seeded ${CARDS} cards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(accountsFile, 'utf8'));
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** Starts a server process and waits until GET /health answers. */
async function startServer(label, args, env) {
  const port = await freePort();
  const child = spawn('node', args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  started.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`${label} exited during start: ${stderr.trim()}`);
    if (waited > 60_000) throw new Error(`${label} did not answer /health within 60 s`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  log(`${label} listening on ${base} (pid ${child.pid})`);
  return { child, base };
}

async function stopServer(server) {
  const { child } = server;
  if (child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
  started.splice(started.indexOf(child), 1);
}

// ------------------------------------------------------------------------------------------------
// Engines

async function benchSqlite() {
  const file = `/tmp/ak1-bench-${process.pid}.sqlite`;
  cleanups.push(() => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })));
  const dbEnv = { DB_TYPE: 'sqlite', DB_PATH: file };
  log(`SQLite: seeding ${file}`);
  const accounts = seed(dbEnv, `/tmp/ak1-bench-accounts-sqlite-${process.pid}.json`);
  const server = await startServer('service (sqlite)', ['dist/main.js'], { ...BENCH_ENV, ...dbEnv });
  try {
    return [await loadTest('service', 'sqlite', server, accounts, await login(server.base, accounts))];
  } finally {
    await stopServer(server);
  }
}

async function benchMysql() {
  const url = new URL(opt['mysql-url']);
  const database = url.pathname.replace(/^\//, '');
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`bad database name in ${opt['mysql-url']}`);
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  if (!opt.keep) cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  });
  else cleanups.push(() => admin.end());
  const dbEnv = { DB_TYPE: 'mysql', DB_URL: opt['mysql-url'] };
  log(`MySQL: seeding ${url.host}/${database}`);
  const accounts = seed(dbEnv, `/tmp/ak1-bench-accounts-mysql-${process.pid}.json`);

  const results = [];
  const server = await startServer('service (mysql)', ['dist/main.js'], { ...BENCH_ENV, ...dbEnv });
  try {
    results.push(await loadTest('service', 'mysql', server, accounts, await login(server.base, accounts)));
  } finally {
    await stopServer(server);
  }
  const employer = accounts.employers[0];
  const baseline = await startServer('baseline (fastify + mysql2)', ['test/bench/baseline-fastify.mjs'], {
    ...BENCH_ENV,
    DB_URL: opt['mysql-url'],
    BASELINE_EMPLOYER_ID: employer.employerId,
    BASELINE_USER_ID: employer.userId,
  });
  try {
    results.push(await loadTest('baseline', 'mysql', baseline, accounts, null));
  } finally {
    await stopServer(baseline);
  }
  return results;
}

// ------------------------------------------------------------------------------------------------
// Load

async function login(base, accounts) {
  const { email } = accounts.employers[0];
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: accounts.password }) });
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

/** Request bodies: mostly real pairs, some that must answer NOT_FOUND; each with the answer expected. */
function bodies(accounts) {
  const cards = accounts.cards;
  const out = [];
  for (let k = 0; k < cards.length; k++) {
    const c = cards[k];
    if (k % Math.round(1 / NOT_FOUND_SHARE) === 0) {
      // Alternate: a real number with someone else's NIK, and a number no card carries.
      let o = (k + 1) % cards.length;
      while (cards[o].nik === c.nik) o = (o + 1) % cards.length; // someone else, not the same holder's other card
      const other = cards[o];
      const pair = k % 2 === 0 ? { cardNumber: c.cardNumber, nik: other.nik } : { cardNumber: accounts.unusedCardNumbers[k % accounts.unusedCardNumbers.length], nik: c.nik };
      out.push({ body: JSON.stringify(pair), expected: 'NOT_FOUND' });
    } else {
      out.push({ body: JSON.stringify({ cardNumber: c.cardNumber, nik: c.nik }), expected: c.expected });
    }
  }
  return out;
}

/** Sanity before measuring: a handful of bodies must get the answer the seed says they should. */
async function checkAnswers(base, headers, mix) {
  for (const { body, expected } of mix.slice(0, 40)) {
    const res = await fetch(`${base}/api/v1/card-validations`, { method: 'POST', headers, body });
    const reply = await res.json();
    if (res.status !== 200 || reply.result !== expected) throw new Error(`${body} answered ${res.status} ${JSON.stringify(reply)}, expected ${expected}`);
  }
}

function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

async function loadTest(target, engine, server, accounts, token) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const mix = bodies(accounts);
  await checkAnswers(server.base, headers, mix);
  let next = 0;
  const requests = [{ method: 'POST', path: '/api/v1/card-validations', headers, setupRequest: (req) => ({ ...req, body: mix[next++ % mix.length].body }) }];
  const cannon = (duration) =>
    autocannon({ url: server.base, connections: CONNECTIONS, duration, requests });

  await cannon(WARMUP_SECONDS);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssKb(server.child.pid).rss)), 250);
  const r = await cannon(DURATION);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssKb(server.child.pid).rss);
  const errors = r.errors + r.timeouts + r.non2xx;
  const row = {
    target,
    engine,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    peakRssMb: peakRss / 1024,
    requests: r.requests.total,
    errors,
  };
  log(`${target} on ${engine}: ${row.reqPerSec.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, peak RSS ${row.peakRssMb.toFixed(0)} MB, ${row.requests} requests, ${errors} errors/non-2xx`);
  if (errors > 0) log(`WARNING: ${errors} requests failed or were not 2xx`);
  return row;
}

// ------------------------------------------------------------------------------------------------
// Report

function report(rows) {
  const date = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Asia/Jakarta, like the seed
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
  const baseline = rows.find((r) => r.target === 'baseline');
  const command = `npm run bench:validation -- --cards ${CARDS} --duration ${DURATION} --connections ${CONNECTIONS}`;
  process.stdout.write(`\n${date} · ${machine}\n${command}\n\n`);
  process.stdout.write('| date | engine | target | req/s | p50 ms | p99 ms | peak RSS MB | ratio to baseline |\n|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) {
    const ratio = baseline && r.engine === 'mysql' ? (r.reqPerSec / baseline.reqPerSec).toFixed(2) : '—';
    process.stdout.write(`| ${date} | ${r.engine} | ${r.target} | ${r.reqPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.peakRssMb.toFixed(0)} | ${ratio} |\n`);
  }
  const ours = rows.find((r) => r.target === 'service' && r.engine === 'mysql');
  if (ours && baseline) process.stdout.write(`\nMySQL ratio (ours / baseline): ${(ours.reqPerSec / baseline.reqPerSec).toFixed(2)}\n`);
}

// ------------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function cleanup() {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(cleanup)
  .catch(async (err) => {
    process.stderr.write(`[bench] failed: ${err.stack ?? err}\n`);
    await cleanup();
    process.exit(1);
  });
