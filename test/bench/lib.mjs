// Shared pieces of the benchmark scripts (search, hire, reports, all): build, fresh databases, seeding,
// starting the built service on a loopback port, autocannon runs with resident-memory sampling, and a
// cleanup that stops every process and drops every database a script made, also on failure or Ctrl-C.
// Used by every bench script (validation, search, hire, reports, all).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import crypto from 'node:crypto';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MYSQL_SERVER = process.env.BENCH_MYSQL_SERVER ?? 'mysql://root@127.0.0.1:3306';

// Fixed, bench-only secrets: the seeder and the servers must agree on DATA_KEY.
export const BENCH_ENV = {
  NODE_ENV: 'development',
  DATA_KEY: '6b1f0c9e3a5d7e2f4a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5d7b9f1a3c5e7d9b2f',
  JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdefghij',
  VALIDATION_RATE_LIMIT: '100000000',
  CARD_MISMATCH_LIMIT: '100000000', // the validation bench repeats pairs that match nothing
  ACCESS_TOKEN_TTL_SECONDS: '7200',
  SCHEDULER_ENABLED: 'false',
  SEARCH_DRIVER: 'database',
  LOG_LEVEL: 'warn',
  REQUIRED_DOCUMENTS: '', // cards are issued without documents in the benches
};

const started = []; // child processes still running
const cleanups = []; // files and databases to remove at the end

export const log = (line) => process.stdout.write(`[bench] ${line}\n`);
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
export const onCleanup = (fn) => cleanups.push(fn);

/** Builds when dist/ is missing or older than any source file. */
export function buildIfNeeded(skip = false) {
  const entry = join(ROOT, 'dist', 'src', 'main.js');
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  const newest = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'migrations')));
  if (!skip && newest > built) {
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

export function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/**
 * A fresh MySQL database `<prefix>_<suffix>` (prefix `ak1_bench` unless given, always starting `ak1_`),
 * dropped at the end unless `keep`. Returns its DB_URL.
 */
export async function freshMysqlDatabase(suffix, { keep = false, prefix = 'ak1_bench' } = {}) {
  const database = `${prefix}_${suffix}`;
  if (!/^ak1_[A-Za-z0-9_]+$/.test(database)) throw new Error(`bad database name ${database}`);
  const server = new URL(MYSQL_SERVER);
  const admin = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  cleanups.push(async () => {
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  });
  return `${MYSQL_SERVER}/${database}`;
}

/** A fresh SQLite file under /tmp, removed at the end. */
export function freshSqliteFile(label) {
  const file = `/tmp/ak1-bench-${label}-${process.pid}.sqlite`;
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  cleanups.push(() => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })));
  return file;
}

/** Runs the built seeder with `args` into the database of `dbEnv`; returns the accounts file's content. */
export function seed(dbEnv, label, args) {
  const accountsFile = `/tmp/ak1-bench-accounts-${label}-${process.pid}.json`;
  cleanups.push(() => rmSync(accountsFile, { force: true }));
  const t0 = Date.now();
  run('node', ['dist/src/seed/seed.cli.js', ...args, '--accounts-file', accountsFile], { ...BENCH_ENV, ...dbEnv });
  const seconds = (Date.now() - t0) / 1000;
  log(`seeded (${args.join(' ')}) in ${seconds.toFixed(1)} s`);
  return { accounts: JSON.parse(readFileSync(accountsFile, 'utf8')), seconds };
}

export function dbEnvFor(engine, target) {
  return engine === 'mysql' ? { DB_TYPE: 'mysql', DB_URL: target } : { DB_TYPE: 'sqlite', DB_PATH: target };
}

export function freePort() {
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

/**
 * Starts a server process and waits until GET /health answers. With `keepLog` > 0 its stdout (the JSON
 * log) is read: lines counted by level, the last `keepLog` warn/error lines kept (`server.log`).
 */
export async function startServer(label, args, env, { keepLog = 0 } = {}) {
  const port = await freePort();
  const child = spawn('node', args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', keepLog > 0 ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const serverLog = { levels: {}, lines: [] };
  if (keepLog > 0) {
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      pending += d;
      for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        const level = /"level":"(\w+)"/.exec(line)?.[1] ?? 'other';
        serverLog.levels[level] = (serverLog.levels[level] ?? 0) + 1;
        if (level === 'warn' || level === 'error') {
          serverLog.lines.push(line.slice(0, 1000));
          if (serverLog.lines.length > keepLog) serverLog.lines.shift();
        }
      }
    });
  }
  started.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`${label} exited during start: ${stderr.trim()}`);
    if (waited > 120_000) throw new Error(`${label} did not answer /health within 120 s`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  log(`${label} listening on ${base} (pid ${child.pid})`);
  return { child, base, label, stderr: () => stderr, log: serverLog };
}

export async function stopServer(server) {
  const { child } = server;
  const i = started.indexOf(child);
  if (i >= 0) started.splice(i, 1);
  if (child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** The built service on `engine` with the database `target` (a SQLite file or a MySQL URL). */
export function startService(engine, target, extraEnv = {}) {
  return startServer(`service (${engine})`, ['dist/main.js'], {
    ...BENCH_ENV,
    ...dbEnvFor(engine, target),
    ...extraEnv,
  });
}

export async function login(base, email, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

export function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * One bounded autocannon run (after a warm-up) against `server`, sampling its resident memory.
 * `requests` is autocannon's request list (setupRequest may vary bodies and paths).
 */
export async function cannon(server, { requests, connections = 20, duration = 10, warmup = 2, amount }) {
  const opts = { url: server.base, connections, requests, timeout: 30 };
  if (warmup > 0 && !amount) await autocannon({ ...opts, duration: warmup });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.child.pid))), 250);
  const r = await autocannon(amount ? { ...opts, amount } : { ...opts, duration });
  clearInterval(sampler);
  peak = Math.max(peak, rssKb(server.child.pid));
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    peakRssMb: peak / 1024,
    seconds: r.duration,
    statusCodes: r.statusCodeStats,
  };
}

export function machine() {
  const date = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Asia/Jakarta, like the seed
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.split('\n')[1]?.trim().split(/\s+/)[1] ?? '?';
  return {
    date,
    text: `${cpus().length} cores (nproc; ${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (free -h total ${free}), Node ${process.version}`,
  };
}

export async function mysqlVersion(url) {
  const c = await mysql.createConnection(url);
  try {
    const [[row]] = await c.query('SELECT VERSION() AS v');
    return `MariaDB/MySQL ${row.v}`;
  } finally {
    await c.end();
  }
}

/**
 * Waits until InnoDB has written out what the set-up left in its buffer pool (dirty pages ≤ `share` of the
 * pool, or `maxSeconds`), so the measured steps do not share the disk and the CPU with the seed's write-back:
 * a fresh city seed leaves ~70 MB dirty, written out at the server's background rate (~2 MB/s with
 * innodb_io_capacity 200) for half a minute and more. While waiting, innodb_max_dirty_pages_pct is set to 0 (write
 * out everything now); the server's own value is put back after. Returns what it saw.
 */
export async function waitForWrittenOut(url, { share = 0.02, maxSeconds = 120 } = {}) {
  const c = await mysql.createConnection(url);
  const status = async () => {
    const [rows] = await c.query(
      `SELECT VARIABLE_NAME AS name, VARIABLE_VALUE AS value FROM information_schema.GLOBAL_STATUS
        WHERE VARIABLE_NAME IN ('INNODB_BUFFER_POOL_PAGES_DIRTY', 'INNODB_BUFFER_POOL_PAGES_TOTAL')`,
    );
    const v = Object.fromEntries(rows.map((r) => [r.name, Number(r.value)]));
    return { dirty: v.INNODB_BUFFER_POOL_PAGES_DIRTY, total: v.INNODB_BUFFER_POOL_PAGES_TOTAL };
  };
  const t0 = Date.now();
  const [[{ pct }]] = await c.query('SELECT @@GLOBAL.innodb_max_dirty_pages_pct AS pct');
  const first = await status();
  let last = first;
  try {
    await c.query('SET GLOBAL innodb_max_dirty_pages_pct = 0');
    while (last.dirty > share * last.total && Date.now() - t0 < maxSeconds * 1000) {
      await sleep(500);
      last = await status();
    }
  } finally {
    await c.query('SET GLOBAL innodb_max_dirty_pages_pct = ?', [Number(pct)]).catch(() => {});
    await c.end();
  }
  return { dirtyBefore: first.dirty, dirtyAfter: last.dirty, pages: last.total, seconds: (Date.now() - t0) / 1000 };
}

export const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/** Median and max of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    max: sorted[sorted.length - 1],
    min: sorted[0],
  };
}

export async function cleanup() {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
}

/** Runs `main`, then cleans up, also on failure and on Ctrl-C / SIGTERM. */
export function runBench(main) {
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
}

// ------------------------------------------------------------------------------------------------
// Workloads shared by more than one script

/**
 * Prepares `count` independent hires on a seeded MySQL database: verified employers with open
 * vacancies that still have positions, each position paired with a different seeker who holds an
 * ACTIVE card and is not placed, through a fresh SUBMITTED application (inserted directly: this is
 * set-up, not what is measured). Returns one job per hire with the employer's staff email.
 */
export async function prepareHires(url, count, today, { maxEmployers = 150 } = {}) {
  const c = await mysql.createConnection(url);
  try {
    const [vacancies] = await c.query(
      `SELECT v.id, v.employer_id AS employerId, v.title, v.quota - v.filled AS room
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.status = 'OPEN' AND e.status = 'VERIFIED' AND v.quota > v.filled
        ORDER BY v.quota - v.filled DESC, v.id LIMIT ?`,
      [count * 2],
    );
    const [seekers] = await c.query(
      `SELECT s.id FROM seekers s JOIN cards c ON c.seeker_id = s.id AND c.status = 'ACTIVE' AND c.expires_at >= ?
        WHERE s.placed_at IS NULL ORDER BY s.id LIMIT ?`,
      [today, count],
    );
    const employers = new Map();
    const jobs = [];
    const rows = [];
    let s = 0;
    for (const v of vacancies) {
      if (!employers.has(v.employerId)) {
        if (employers.size >= maxEmployers) continue;
        employers.set(v.employerId, null);
      }
      for (let r = 0; r < v.room && s < seekers.length && jobs.length < count; r++) {
        const id = crypto.randomUUID();
        rows.push([id, v.id, seekers[s++].id, v.employerId, 'SUBMITTED', new Date(), new Date()]);
        jobs.push({ applicationId: id, employerId: v.employerId, position: v.title });
      }
      if (jobs.length >= count) break;
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await c.query(
        'INSERT INTO applications (id, vacancy_id, seeker_id, employer_id, status, applied_at, updated_at) VALUES ?',
        [rows.slice(i, i + 1000)],
      );
    }
    const [staff] = await c.query(
      `SELECT employer_id AS employerId, MIN(email) AS email FROM users WHERE role = 'employer' AND employer_id IN (?) GROUP BY employer_id`,
      [[...employers.keys()]],
    );
    const emailOf = new Map(staff.map((u) => [u.employerId, u.email]));
    for (const job of jobs) job.email = emailOf.get(job.employerId);
    return jobs;
  } finally {
    await c.end();
  }
}

/** Signs in each distinct employer of `jobs` once and sets `job.token`. */
export async function signInEmployers(base, jobs, password) {
  const tokens = new Map();
  for (const job of jobs) {
    if (!tokens.has(job.email)) tokens.set(job.email, await login(base, job.email, password));
    job.token = tokens.get(job.email);
  }
  return tokens.size;
}

/** Fires each job's hire once, `connections` at a time, through autocannon. */
export async function hireLoad(server, jobs, today, connections) {
  let next = 0;
  const requests = [
    {
      method: 'POST',
      setupRequest: (req) => {
        const job = jobs[next++ % jobs.length];
        return {
          ...req,
          path: `/api/v1/applications/${job.applicationId}/hire`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` },
          body: JSON.stringify({ startDate: today, position: job.position.slice(0, 200) }),
        };
      },
    },
  ];
  return cannon(server, { requests, connections, amount: jobs.length, warmup: 0 });
}

/** Validation bodies: real (cardNumber, nik) pairs from the seed, and one in ten that must be NOT_FOUND. */
export function validationBodies(accounts) {
  const cards = accounts.cards;
  const out = [];
  for (let k = 0; k < cards.length; k++) {
    const c = cards[k];
    if (k % 10 === 0) {
      let o = (k + 1) % cards.length;
      while (cards[o].nik === c.nik) o = (o + 1) % cards.length;
      const pair =
        k % 20 === 0
          ? { cardNumber: c.cardNumber, nik: cards[o].nik }
          : { cardNumber: accounts.unusedCardNumbers[k % accounts.unusedCardNumbers.length], nik: c.nik };
      out.push({ body: JSON.stringify(pair), expected: 'NOT_FOUND' });
    } else {
      out.push({ body: JSON.stringify({ cardNumber: c.cardNumber, nik: c.nik }), expected: c.expected });
    }
  }
  return out;
}

/** The validation load: POST /card-validations cycling through the bodies, checked first. */
export async function validationLoad(server, token, accounts, { connections, duration }) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const mix = validationBodies(accounts);
  for (const { body, expected } of mix.slice(0, 30)) {
    const res = await fetch(`${server.base}/api/v1/card-validations`, { method: 'POST', headers, body });
    const reply = await res.json();
    if (res.status !== 200 || reply.result !== expected)
      throw new Error(`${body} answered ${res.status} ${JSON.stringify(reply)}, expected ${expected}`);
  }
  let next = 0;
  const requests = [
    {
      method: 'POST',
      path: '/api/v1/card-validations',
      headers,
      setupRequest: (req) => ({ ...req, body: mix[next++ % mix.length].body }),
    },
  ];
  return cannon(server, { requests, connections, duration, warmup: 3 });
}

// ------------------------------------------------------------------------------------------------
// Measuring a run from outside: percentiles, processes' CPU time, CPU profiles

/** The `p`-th percentile (0–100) of an ascending array, nearest rank; NaN when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU time (user + system, every thread) a process has used so far, in ms; 0 once it is gone. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Ids of the running processes whose name (/proc/PID/comm) is one of `names`, e.g. ['mariadbd', 'mysqld']. */
export function pidsNamed(names) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** A fresh Ed25519 private key (PKCS#8 PEM) for CARD_SIGNING_KEY, so instances agree without a shared file. */
export function ed25519Pem() {
  return crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
}

/** Where a profiled function lives: an npm package, a module of dist/src, Node's internals, or V8 itself. */
function profileBucket(frame) {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'V8: garbage collector';
  if (functionName === '(program)') return 'V8/native: (program)';
  if (!url) return 'V8/native builtins';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/src\/([^/]+)/.exec(url);
  if (own) return `src/${own[1]}`;
  if (url.startsWith('node:'))
    return `node:${url.slice(5).split('/')[0] === 'internal' ? url.slice(5).split('/')[1] : url.slice(5)}`;
  return url.replace(/^file:\/\//, '').replace(ROOT, '.');
}

/**
 * Self time of a `.cpuprofile` (node --cpu-prof) by function and by where the code lives (npm package,
 * dist/src module, Node internals, GC), as shares of the busy time (idle left out). With `fromMs` / `toMs`,
 * only the samples taken in that window, in ms after the profile started (about when the process did).
 */
export function cpuProfileSummary(file, { top = 15, fromMs = 0, toMs = Infinity } = {}) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  let at = 0; // µs since the profile started
  for (let i = 0; i < prof.samples.length; i++) {
    at += prof.timeDeltas[i] ?? 0;
    if (at < fromMs * 1000 || at >= toMs * 1000) continue;
    const dt = prof.timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) ?? 0) + Math.max(0, dt));
  }
  const byFunction = new Map();
  const byBucket = new Map();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const f = nodes.get(id).callFrame;
    if (f.functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const where = profileBucket(f);
    const name =
      `${f.functionName || '(anonymous)'} ${f.url ? `${where}${f.url.startsWith('node:') ? '' : `:${f.lineNumber + 1}`}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byBucket.set(where, (byBucket.get(where) ?? 0) + us);
  }
  const rank = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busy ? us / busy : 0 }));
  return { busyMs: busy / 1000, idleMs: idle / 1000, functions: rank(byFunction), buckets: rank(byBucket) };
}
