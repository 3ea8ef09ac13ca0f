// `npm run bench:peak`: a job-fair day. Two built instances (`node dist/main.js`) share one MariaDB database
// and one Redis (REDIS_URL, rate limits shared); only instance A runs the scheduler. A mixed population
// arrives at rising rates until p99 passes --p99-limit or an error appears; requests are spread over the two
// instances round-robin, as a load balancer would.
//
// Set-up (not measured): a fresh MySQL database `ak1_peak_day`, seeded at --scale (default city, with 6,000
// vacancies of which 3,000 are open: a job fair); the daily job run by instance A at start is waited for.
// Then, directly in the database: --seekers login accounts for seekers holding an ACTIVE card (the seed's
// own password hash), and SUBMITTED applications to the open vacancies of --hr verified employers, from
// other card holders, for the HR staff to decide. HR staff and officers sign in once before the load. Then
// MariaDB is left to write out what the set-up left dirty in its buffer pool (waitForWrittenOut).
//
// The population (--mix, shares of all requests, default 70,15,10,5):
//   anonymous  GET /api/v1/vacancies with varied filters, words, sorts and pages; GET /api/v1/vacancies/:id;
//              the console's public search page (GET /?q=…) and a vacancy page (GET /lowongan/:id)
//   seekers    a seeker signs in (POST /auth/login: argon2id, deliberately costly) and then makes
//              --session − 1 requests with the token, spread over the load: applies to vacancies (never
//              twice to the same one), GET /cards/me, GET /seekers/me/applications,
//              GET /seekers/me/recommendations
//   HR         POST /card-validations (real and unknown pairs), GET /vacancies/:id/applications,
//              PATCH /applications/:id (shortlist or reject a SUBMITTED application, each once)
//   officers   GET /monitoring/summary, GET /monitoring/employers (pages, the outreach list),
//              GET /reports/ipk-iii-1, -2, -4 (months of the last year)
// The scenario is designed so that every request should succeed: any status outside 2xx/3xx, a network
// error or a timeout (--timeout ms) counts as an error.
//
// The load generator is open-loop: each step has a fixed arrival rate; request i of a step is due at
// start + i / rate and is sent then, whether or not earlier ones returned, and its latency is measured
// from that due time (so queueing is not hidden by coordinated omission). It uses node:http keep-alive
// agents (--sockets per instance) and does no per-request work beyond building a path and a small body.
// Besides the mix, a load balancer probes each instance (GET /health/live, no database, on a connection of
// its own) --probes times a second: its latency while a report is in flight on that instance tells whether
// a report holds the event loop. Each step runs --duration seconds (after a --warmup at the first rate, not reported); the
// run stops after the first step whose overall p99 exceeds --p99-limit ms or that has any error
// (--all-steps: run them all).
//
// Printed per step: offered and achieved rate, p50/p99 overall and per group, errors, the p99 of every
// route but the reports, the latency of the fast routes (a vacancy by id or its page, apply, my card, my
// applications, card validation, a vacancy's applications, shortlist / reject) and of the probes sent
// while a report was in flight on the same instance (and otherwise), the CPU used by each instance,
// MariaDB and the generator, and what MariaDB was running (its process list sampled every 250 ms:
// statements running, connections, statement shapes; other databases' statements as noise). At the end:
// the sustainable rate (the highest step that held) with p99 per route, and, unless --no-costs, each
// route's cost measured alone after the warm-up (one request at a time on instance B: latency, and the
// CPU ms per request of the instance and of MariaDB; then, for ten more, the slowest of the probes sent every
// 2 ms alongside each: about the longest the route holds the event loop) with the CPU of an average mixed
// request.
// --cpu-prof runs instance B under `node --cpu-prof` and prints where its CPU went during the steps (by
// function and by package). What the instances logged at warn or error is printed last.
// Everything it starts is stopped and the database dropped (unless --keep), also on failure or Ctrl-C.
//
// Options: --steps 10,25,50,75,100,150,200,300,500,700,1000,1200,1500  --duration 20  --warmup 10  --pause 3
//          --scale city  --cards N  --vacancies N  --open-vacancies N  --seekers 3000  --session 10  --hr 100
//          --mix 70,15,10,5  --skip search,recommendations (routes left out, by part of their name)  --probes 5
//          --p99-limit 500  --timeout 10000  --sockets 256  --redis-url redis://127.0.0.1:6379
//          --all-steps  --no-costs  --cpu-prof  --no-build  --keep
//          --report-max-age 0 (> 0: officers send `Cache-Control: max-age=N`, as a dashboard that refreshes
//          itself may: an answer up to N s old will do; decision 129)
//          --nginx (the mix goes through nginx — `nginx` on PATH, Debian's nginx-light — configured as the caching
//          load balancer of docs/operations.md in front of both instances, instead of the generator's own
//          round-robin; its CPU is counted; the probes still go to each instance)
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import {
  BENCH_ENV,
  buildIfNeeded,
  cpuMs,
  cpuProfileSummary,
  dbEnvFor,
  ed25519Pem,
  fmt,
  freshMysqlDatabase,
  log,
  login,
  machine,
  mysqlVersion,
  freePort,
  onCleanup,
  percentile,
  pidsNamed,
  runBench,
  seed,
  sleep,
  startServer,
  stopServer,
  validationBodies,
  waitForWrittenOut,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    steps: { type: 'string', default: '10,25,50,75,100,150,200,300,500,700,1000,1200,1500' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '10' },
    pause: { type: 'string', default: '3' },
    scale: { type: 'string', default: 'city' },
    cards: { type: 'string' },
    vacancies: { type: 'string' },
    'open-vacancies': { type: 'string' },
    seekers: { type: 'string', default: '3000' },
    session: { type: 'string', default: '10' },
    hr: { type: 'string', default: '100' },
    mix: { type: 'string', default: '70,15,10,5' },
    skip: { type: 'string', default: '' },
    probes: { type: 'string', default: '5' },
    'p99-limit': { type: 'string', default: '500' },
    timeout: { type: 'string', default: '10000' },
    sockets: { type: 'string', default: '256' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'all-steps': { type: 'boolean', default: false },
    'no-costs': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'report-max-age': { type: 'string', default: '0' },
    nginx: { type: 'boolean', default: false },
  },
});

const STEPS = opt.steps
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const DURATION = Number(opt.duration);
const P99_LIMIT = Number(opt['p99-limit']);
const TIMEOUT = Number(opt.timeout);
const SESSION = Math.max(2, Number(opt.session));
const [ANON, SEEKER, HR, OFFICER] = opt.mix.split(',').map(Number);
const PROBES = Number(opt.probes);
const GOAL = { rate: 1000, p99: 300 };

// ------------------------------------------------------------------------------------------------
// The routes: a name, its group, and what it is for the "no request waiting behind a report" question

const GROUPS = ['anonymous', 'seeker', 'hr', 'officer'];
const ROUTES = {
  'search (API)': { group: 'anonymous', weight: 30 },
  'vacancy (API)': { group: 'anonymous', weight: 20, fast: true },
  'search page': { group: 'anonymous', weight: 10 },
  'vacancy page': { group: 'anonymous', weight: 10, fast: true },
  'sign-in': { group: 'seeker' },
  apply: { group: 'seeker', fast: true },
  'my card': { group: 'seeker', fast: true },
  'my applications': { group: 'seeker', fast: true },
  recommendations: { group: 'seeker' },
  'card validation': { group: 'hr', weight: 4, fast: true },
  'applications of a vacancy': { group: 'hr', weight: 3, fast: true },
  'shortlist / reject': { group: 'hr', weight: 3, fast: true },
  'monitoring summary': { group: 'officer', weight: 3, report: true },
  'monitoring employers': { group: 'officer', weight: 3, report: true },
  'IPK III/1': { group: 'officer', weight: 2, report: true },
  'IPK III/2': { group: 'officer', weight: 1, report: true },
  'IPK III/4': { group: 'officer', weight: 1, report: true },
  // A load balancer's health probe (no database): its latency is the event loop's and the CPU's alone.
  'load-balancer probe': { group: 'probe', probe: true },
};
for (const [name, r] of Object.entries(ROUTES)) {
  r.name = name;
  r.report = !!r.report;
  r.fast = !!r.fast;
  r.probe = !!r.probe;
}
/** What a seeker does after signing in, in order (cycled for longer sessions). */
const SKIP = opt.skip
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
/** Whether --skip leaves a route out (a diagnosis: what holds without it). Sign-in always stays. */
const skipped = (name) => name !== 'sign-in' && SKIP.some((s) => name.toLowerCase().includes(s));
const SEEKER_PLAN = [
  'my card',
  'apply',
  'my applications',
  'apply',
  'recommendations',
  'apply',
  'my applications',
  'apply',
  'apply',
].filter((r) => !skipped(r));

// ------------------------------------------------------------------------------------------------
// A small deterministic random source, so two runs offer the same sequence of requests

let rngState = 0x9e3779b9;
function rand() {
  rngState = (rngState + 0x6d2b79f5) | 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
function pickWeighted(entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of entries) if ((x -= w) < 0) return v;
  return entries[entries.length - 1][0];
}

const KECAMATAN = Array.from({ length: 18 }, (_, i) => `16.71.${String(i + 1).padStart(2, '0')}`);
const EDUCATION = ['SD', 'SMP', 'SMA', 'SMK', 'D3', 'S1'];
const EMPLOYMENT = ['FULL_TIME', 'PART_TIME', 'CONTRACT', 'INTERNSHIP', 'DAILY'];
const WORDS = [
  'kasir',
  'kasir minimarket',
  'teknisi listrik',
  'mekanik motor',
  'staf administrasi',
  'admin',
  'juru masak',
  'sopir pengiriman',
  'sopir',
  'pelayanan pelanggan',
  'gudang forklift',
  'gudang',
  'operator produksi',
  'perawat',
  'guru',
  'sales',
  'akuntansi',
  'satpam',
];

/** Query strings a visitor might search with: no filter, words, education, kecamatan, type, salary, sorts, pages. */
function searchQuery() {
  const q = pickWeighted([
    ['', 15],
    ['words', 30],
    ['edu+kec', 15],
    ['type+edu', 10],
    ['salary', 10],
    ['closing+kec', 10],
    ['page', 5],
    ['words+kec', 5],
  ]);
  const w = () => `q=${encodeURIComponent(pick(WORDS))}`;
  switch (q) {
    case 'words':
      return `?${w()}`;
    case 'edu+kec':
      return `?educationLevel=${pick(EDUCATION)}&kecamatanCode=${pick(KECAMATAN)}`;
    case 'type+edu':
      return `?employmentType=${pick(EMPLOYMENT)}&educationLevel=${pick(EDUCATION)}`;
    case 'salary':
      return `?salaryMin=${pick([3000000, 4000000, 5000000, 7000000])}&sort=salary`;
    case 'closing+kec':
      return `?sort=closing&kecamatanCode=${pick(KECAMATAN)}`;
    case 'page':
      return `?page=${2 + Math.floor(rand() * 4)}`;
    case 'words+kec':
      return `?${w()}&kecamatanCode=${pick(KECAMATAN)}`;
    default:
      return '';
  }
}

// ------------------------------------------------------------------------------------------------
// The state of the day: who is signed in, which applications wait, which vacancies each seeker applies to

const world = {
  vacancies: [], // searchable open vacancy ids
  accounts: [], // seeker accounts { email, seekerId, next }
  nextAccount: 0,
  applied: new Set(), // `${vacancyId}|${seekerId}` that exist (seeded or sent)
  ready: [], // signed-in seeker sessions { account, token, left, step }
  hr: [], // { email, token, vacancies: [ids] }
  decisions: [], // { id, hr } SUBMITTED applications to decide, each once
  nextDecision: 0,
  officers: [], // tokens
  months: [], // { from, to, year, month } of the last 12 full months
  validations: [], // JSON bodies
  nextValidation: 0,
  password: '',
};

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const bearer = (token) => ({ authorization: `Bearer ${token}` });
const REPORT_MAX_AGE = Number(opt['report-max-age']);
/** An officer's headers: the token, and how old an answer will do (--report-max-age). */
const officer = () => ({
  ...bearer(pick(world.officers)),
  ...(REPORT_MAX_AGE > 0 ? { 'cache-control': `max-age=${REPORT_MAX_AGE}` } : {}),
});

/** The request a route makes now, or null when it cannot (no session ready, nothing left to decide). */
function build(route) {
  switch (route) {
    case 'search (API)':
      return { method: 'GET', path: `/api/v1/vacancies${searchQuery()}` };
    case 'load-balancer probe':
      return { method: 'GET', path: '/health/live' };
    case 'vacancy (API)':
      return { method: 'GET', path: `/api/v1/vacancies/${pick(world.vacancies)}` };
    case 'search page':
      return { method: 'GET', path: `/${searchQuery()}`, html: true };
    case 'vacancy page':
      return { method: 'GET', path: `/lowongan/${pick(world.vacancies)}`, html: true };
    case 'sign-in': {
      const account = world.accounts[world.nextAccount++ % world.accounts.length];
      return {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: JSON.stringify({ email: account.email, password: world.password }),
        keepBody: true,
        onOk: (text) => {
          const token = JSON.parse(text).accessToken;
          world.ready.push({ account, token, left: SESSION - 1, step: 0 });
        },
      };
    }
    case 'card validation': {
      const hr = pick(world.hr);
      const body = world.validations[world.nextValidation++ % world.validations.length];
      return { method: 'POST', path: '/api/v1/card-validations', body, headers: bearer(hr.token) };
    }
    case 'applications of a vacancy': {
      const hr = pick(world.hr);
      const filter = pickWeighted([
        ['', 5],
        ['?status=SUBMITTED', 3],
        ['?status=SHORTLISTED', 1],
        ['?page=2', 1],
      ]);
      return {
        method: 'GET',
        path: `/api/v1/vacancies/${pick(hr.vacancies)}/applications${filter}`,
        headers: bearer(hr.token),
      };
    }
    case 'shortlist / reject': {
      if (world.nextDecision >= world.decisions.length) return null;
      const d = world.decisions[world.nextDecision++];
      const status = world.nextDecision % 3 === 0 ? 'REJECTED' : 'SHORTLISTED';
      return {
        method: 'PATCH',
        path: `/api/v1/applications/${d.id}`,
        body: JSON.stringify({ status }),
        headers: bearer(d.hr.token),
      };
    }
    case 'monitoring summary': {
      const m = pick(world.months);
      const path = rand() < 0.4 ? '/api/v1/monitoring/summary' : `/api/v1/monitoring/summary?from=${m.from}&to=${m.to}`;
      return { method: 'GET', path, headers: officer() };
    }
    case 'monitoring employers': {
      const m = pick(world.months);
      const tail = rand() < 0.3 ? '&participating=false&status=VERIFIED' : `&page=${1 + Math.floor(rand() * 5)}`;
      return {
        method: 'GET',
        path: `/api/v1/monitoring/employers?from=${m.from}&to=${m.to}${tail}`,
        headers: officer(),
      };
    }
    case 'IPK III/1':
    case 'IPK III/2':
    case 'IPK III/4': {
      const m = pick(world.months);
      const n = route.slice(-1);
      return {
        method: 'GET',
        path: `/api/v1/reports/ipk-iii-${n}?year=${m.year}&month=${m.month}`,
        headers: officer(),
      };
    }
    default:
      return null;
  }
}

/** A seeker's next request: a signed-in session takes its next step, or a new seeker signs in. */
function seekerRequest() {
  if (world.ready.length === 0 || rand() < 1 / SESSION) return ['sign-in', build('sign-in')];
  const s = world.ready.shift();
  const route = SEEKER_PLAN[s.step++ % SEEKER_PLAN.length];
  if (--s.left > 0) world.ready.push(s);
  return [route, seekerStep(route, s)];
}

function seekerStep(route, s) {
  const headers = bearer(s.token);
  switch (route) {
    case 'apply': {
      const vacancyId = nextVacancyFor(s.account);
      if (!vacancyId) return { method: 'GET', path: '/api/v1/seekers/me/applications', headers };
      const body = rand() < 0.3 ? { coverLetter: 'Saya berminat dan siap bekerja.', shareContact: true } : {};
      return {
        method: 'POST',
        path: `/api/v1/vacancies/${vacancyId}/applications`,
        body: JSON.stringify(body),
        headers,
      };
    }
    case 'my card':
      return { method: 'GET', path: '/api/v1/cards/me', headers };
    case 'my applications':
      return { method: 'GET', path: '/api/v1/seekers/me/applications', headers };
    case 'recommendations':
      return { method: 'GET', path: '/api/v1/seekers/me/recommendations', headers };
    default:
      throw new Error(route);
  }
}

/** The next vacancy this seeker has not applied to (each account walks the list from its own offset). */
function nextVacancyFor(account) {
  const n = world.vacancies.length;
  for (let tries = 0; tries < n; tries++) {
    const id = world.vacancies[(account.offset + account.next++) % n];
    const key = `${id}|${account.seekerId}`;
    if (!world.applied.has(key)) {
      world.applied.add(key);
      return id;
    }
  }
  return null;
}

const GROUP_ROUTES = Object.fromEntries(
  GROUPS.map((g) => [
    g,
    Object.values(ROUTES)
      .filter((r) => r.group === g && r.weight && !skipped(r.name))
      .map((r) => [r.name, r.weight]),
  ]),
);

/** The next request of the mixed population: [route name, request]. */
function nextRequest() {
  const group = pickWeighted([
    ['anonymous', GROUP_ROUTES.anonymous.length ? ANON : 0],
    ['seeker', SEEKER_PLAN.length ? SEEKER : 0],
    ['hr', GROUP_ROUTES.hr.length ? HR : 0],
    ['officer', GROUP_ROUTES.officer.length ? OFFICER : 0],
  ]);
  if (group === 'seeker') return seekerRequest();
  let route = pickWeighted(GROUP_ROUTES[group]);
  let req = build(route);
  if (!req) [route, req] = ['card validation', build('card validation')];
  return [route, req];
}

// ------------------------------------------------------------------------------------------------
// The open-loop generator

const instances = []; // { server, agent, port, reportsInFlight, reportStarts }
/** With --nginx: where the mix is sent ({ agent, port, reportsInFlight, reportStarts, pid }), else null. */
let proxy = null;
let roundRobin = 0;

function newCollector() {
  return {
    latencies: new Map(Object.keys(ROUTES).map((r) => [r, []])),
    errors: new Map(), // route → Map(status → count)
    samples: [], // the first error replies
    sent: 0,
    done: 0,
    inFlight: 0,
    doneBy: 0, // completed before the step's window closed
    windowEnd: Infinity,
    maxLag: 0,
    fastDuringReport: [],
    fastNoReport: [],
    probeDuringReport: [],
    probeNoReport: [],
  };
}

/** Sends one request due at `due` (performance.now() ms) to the next instance; records it in `c`. */
function issue(route, req, due, c, inst = instances[roundRobin++ % instances.length]) {
  const meta = ROUTES[route];
  const headers = {
    'accept-encoding': 'gzip, deflate, br',
    ...(req.html ? { accept: 'text/html' } : JSON_HEADERS),
    ...req.headers,
  };
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
  const overlap = { during: inst.reportsInFlight > 0, starts: inst.reportStarts };
  if (meta.report) {
    inst.reportsInFlight++;
    inst.reportStarts++;
  }
  c.sent++;
  c.inFlight++;
  let finished = false;
  const finish = (status, text, err) => {
    if (finished) return;
    finished = true;
    const end = performance.now();
    const ms = end - due;
    c.inFlight--;
    c.done++;
    if (end <= c.windowEnd) c.doneBy++;
    if (meta.report) inst.reportsInFlight--;
    const ok = status >= 200 && status < 400;
    if (ok) {
      c.latencies.get(route).push(ms);
      if (req.onOk) {
        try {
          req.onOk(text);
        } catch (e) {
          err = e;
        }
      }
    }
    if (!ok || err) {
      const key = err && ok ? 'bad reply' : status || err?.code || err?.message || 'error';
      const byStatus = c.errors.get(route) ?? new Map();
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
      c.errors.set(route, byStatus);
      if (c.samples.length < 5)
        c.samples.push(`${route} ${req.method} ${req.path} → ${key} ${(text ?? err?.message ?? '').slice(0, 300)}`);
      return;
    }
    const duringReport = overlap.during || inst.reportStarts !== overlap.starts;
    if (meta.fast) (duringReport ? c.fastDuringReport : c.fastNoReport).push(ms);
    if (meta.probe) (duringReport ? c.probeDuringReport : c.probeNoReport).push(ms);
  };
  const r = http.request(
    {
      agent: meta.probe ? inst.probeAgent : inst.agent,
      host: '127.0.0.1',
      port: inst.port,
      method: req.method,
      path: req.path,
      headers,
    },
    (res) => {
      const status = res.statusCode;
      if (req.keepBody || status >= 400) {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => finish(status, text));
      } else {
        res.resume();
        res.on('end', () => finish(status, ''));
      }
      res.on('error', (e) => finish(0, '', e));
    },
  );
  r.setTimeout(TIMEOUT, () => r.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
  r.on('error', (e) => finish(0, '', e));
  r.end(req.body);
}

const probe = (inst, c) => issue('load-balancer probe', build('load-balancer probe'), performance.now(), c, inst);

/** One step: `rate` requests a second for `seconds`, open-loop; resolves when every request has finished. */
async function runStep(rate, seconds, c) {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const t0 = performance.now() + 5;
  c.windowEnd = t0 + seconds * 1000;
  let i = 0;
  // The load balancer probes each instance --probes times a second, apart from the mix.
  const probes = PROBES > 0 ? instances.map((inst) => setInterval(() => probe(inst, c), 1000 / PROBES)) : [];
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && t0 + i * interval <= now) {
        const due = t0 + i * interval;
        c.maxLag = Math.max(c.maxLag, now - due);
        const [route, req] = nextRequest();
        issue(route, req, due, c, proxy ?? undefined);
        i++;
      }
      if (i >= total) resolve();
      else setTimeout(tick, Math.max(0, t0 + i * interval - performance.now()));
    };
    tick();
  });
  probes.forEach(clearInterval);
  const deadline = performance.now() + TIMEOUT + 2000;
  while (c.inFlight > 0 && performance.now() < deadline) await sleep(20);
  c.elapsed = (Math.max(performance.now(), c.windowEnd) - t0) / 1000;
}

/** CPU used by each process over a step, as % of one core. */
function cpuSampler() {
  const pids = {
    A: instances[0].server.child.pid,
    B: instances[1].server.child.pid,
    mariadb: pidsNamed(['mariadbd', 'mysqld'])[0],
  };
  const nginxCpu = () => (proxy ? [proxy.pid, ...childPids(proxy.pid)].reduce((sum, pid) => sum + cpuMs(pid), 0) : 0);
  const start = { t: performance.now(), gen: process.cpuUsage(), nginx: nginxCpu(), ...mapValues(pids, cpuMs) };
  return () => {
    const ms = performance.now() - start.t;
    const gen = process.cpuUsage(start.gen);
    const pct = (v) => (100 * v) / ms;
    return {
      A: pct(cpuMs(pids.A) - start.A),
      B: pct(cpuMs(pids.B) - start.B),
      mariadb: pids.mariadb ? pct(cpuMs(pids.mariadb) - start.mariadb) : NaN,
      generator: pct((gen.user + gen.system) / 1000),
      nginx: proxy ? pct(nginxCpu() - start.nginx) : NaN,
      load: loadavg()[0],
    };
  };
}
const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** The child processes of `pid` (nginx's workers). */
function childPids(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * nginx as the caching load balancer of docs/operations.md ("A job-fair day"), in front of both instances, one
 * worker: started in a directory of its own, stopped at the end.
 */
async function startNginx() {
  const dir = mkdtempSync(join(tmpdir(), 'ak1-peak-nginx-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  // Started as root, nginx's worker would become nobody, who cannot write in this directory.
  const conf = `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=ak1:10m max_size=200m inactive=10m use_temp_path=off;
  upstream ak1 { ${instances.map((i) => `server 127.0.0.1:${i.port};`).join(' ')} keepalive 128; }
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location / {
      proxy_pass http://ak1;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_cache ak1;
      proxy_cache_bypass $http_authorization $cookie_ak1_session;
      proxy_no_cache $http_authorization $cookie_ak1_session;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout http_502 http_503;
      proxy_cache_background_update on;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  const failed = new Promise((_, fail) =>
    child.on('error', (e) => fail(new Error(`nginx did not start: ${e.message}`))),
  );
  onCleanup(() => child.exitCode === null && child.kill('SIGQUIT'));
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`nginx exited during start: ${stderr.trim()}`);
    const up = await Promise.race([
      failed,
      fetch(`http://127.0.0.1:${port}/health/live`).then(
        (r) => r.ok,
        () => false,
      ),
    ]);
    if (up) break;
    if (waited > 10_000) throw new Error(`nginx did not answer: ${stderr.trim()}`);
    await sleep(200);
  }
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: Number(opt.sockets),
    maxFreeSockets: Number(opt.sockets),
  });
  onCleanup(() => agent.destroy());
  log(`nginx (caching load balancer, docs/operations.md) listening on 127.0.0.1:${port} (pid ${child.pid})`);
  return { agent, port, reportsInFlight: 0, reportStarts: 0, pid: child.pid };
}

/** A statement's shape: literals out, the select list folded, so statements of one route count together. */
const shapeOf = (sql) =>
  sql
    .replace(/'(?:[^'\\]|\\.)*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .replace(/\(\?(?:, ?\?)+\)/g, '(?…)')
    .replace(/^SELECT .*? FROM /i, 'SELECT … FROM ')
    .slice(0, 170);

/**
 * Samples MariaDB's process list every 250 ms during a step: for the run's database, statements running,
 * connections open (both instances' pools) and which statement shapes were running (share of samples);
 * for the server's other databases (other people's work on a shared machine), statements running.
 */
async function dbSampler(url) {
  const database = new URL(url).pathname.slice(1);
  const conn = await mysql.createConnection(url);
  const st = {
    samples: 0,
    running: 0,
    maxRunning: 0,
    connections: 0,
    maxConnections: 0,
    others: 0,
    shapes: new Map(),
    longest: { ms: 0, shape: '' },
  };
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const [rows] = await conn.query(
        `SELECT DB AS db, COMMAND AS cmd, INFO AS info, TIME_MS AS ms FROM information_schema.PROCESSLIST
          WHERE ID <> CONNECTION_ID()`,
      );
      let running = 0;
      let connections = 0;
      for (const r of rows) {
        // Statements of other databases on the same server (other people's work): noise, counted apart.
        if (r.db !== database) {
          if (r.cmd === 'Query' && r.info) st.others++;
          continue;
        }
        connections++;
        if (r.cmd === 'Query' && r.info) {
          running++;
          const shape = shapeOf(String(r.info));
          st.shapes.set(shape, (st.shapes.get(shape) ?? 0) + 1);
          // A statement seen still running long (a COMMIT waiting on the disk, a report) tells where a stall was.
          if (Number(r.ms) > st.longest.ms) st.longest = { ms: Number(r.ms), shape };
        }
      }
      st.samples++;
      st.running += running;
      st.maxRunning = Math.max(st.maxRunning, running);
      st.connections += connections;
      st.maxConnections = Math.max(st.maxConnections, connections);
      await sleep(250);
    }
  })();
  return async () => {
    stop = true;
    await loop;
    await conn.end();
    const busy = [...st.shapes.values()].reduce((a, b) => a + b, 0);
    return {
      running: st.running / Math.max(1, st.samples),
      maxRunning: st.maxRunning,
      connections: st.connections / Math.max(1, st.samples),
      maxConnections: st.maxConnections,
      others: st.others / Math.max(1, st.samples),
      longest: st.longest,
      shapes: [...st.shapes.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([shape, n]) => ({ shape, share: n / Math.max(1, busy), running: n / Math.max(1, st.samples) })),
    };
  };
}

function summarize(rate, c, cpu) {
  const sortNum = (a) => Float64Array.from(a).sort();
  const all = [];
  const nonReport = [];
  const routes = {};
  const groups = Object.fromEntries(GROUPS.map((g) => [g, []]));
  for (const [route, values] of c.latencies) {
    for (const v of ROUTES[route].probe ? [] : values) {
      all.push(v);
      groups[ROUTES[route].group].push(v);
      if (!ROUTES[route].report) nonReport.push(v);
    }
    const s = sortNum(values);
    const errs = [...(c.errors.get(route)?.values() ?? [])].reduce((a, b) => a + b, 0);
    routes[route] = { n: s.length, errors: errs, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] };
  }
  const sAll = sortNum(all);
  const errors = [...c.errors.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);
  // A step's achieved rate counts the mix only, not the load balancer's probes.
  const probesDone = c.latencies.get('load-balancer probe').length;
  const during = sortNum(c.fastDuringReport);
  const calm = sortNum(c.fastNoReport);
  const probeDuring = sortNum(c.probeDuringReport);
  const probeCalm = sortNum(c.probeNoReport);
  return {
    rate,
    sent: c.sent,
    achieved: Math.max(0, c.doneBy - probesDone) / DURATION,
    p50: percentile(sAll, 50),
    p99: percentile(sAll, 99),
    max: sAll[sAll.length - 1],
    groups: mapValues(groups, (v) => percentile(sortNum(v), 99)),
    nonReportP99: percentile(sortNum(nonReport), 99),
    fastDuring: { n: during.length, p99: percentile(during, 99), max: during[during.length - 1] },
    fastCalm: { n: calm.length, p99: percentile(calm, 99), max: calm[calm.length - 1] },
    probeDuring: { n: probeDuring.length, p99: percentile(probeDuring, 99), max: probeDuring[probeDuring.length - 1] },
    probeCalm: { n: probeCalm.length, p99: percentile(probeCalm, 99), max: probeCalm[probeCalm.length - 1] },
    errors,
    errorDetail: Object.fromEntries([...c.errors].map(([r, m]) => [r, Object.fromEntries(m)])),
    samples: c.samples,
    maxLag: c.maxLag,
    routes,
    cpu,
    held: errors === 0 && percentile(sAll, 99) <= P99_LIMIT,
  };
}

// ------------------------------------------------------------------------------------------------
// Set-up

async function prepare(url, accounts) {
  const today = accounts.today;
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 2);
  const margin = soon.toISOString().slice(0, 10);
  const c = await mysql.createConnection(url);
  try {
    const [vacancies] = await c.query(
      `SELECT v.id, v.employer_id AS employerId FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.status = 'OPEN' AND e.status = 'VERIFIED' AND v.closes_at > ? ORDER BY v.id`,
      [margin],
    );
    if (vacancies.length < 50) throw new Error(`only ${vacancies.length} searchable open vacancies`);
    world.vacancies = vacancies.map((v) => v.id);

    // Card holders who may apply: ACTIVE card valid past the run, not placed, no login yet.
    const wanted = Number(opt.seekers);
    const [holders] = await c.query(
      `SELECT s.id, s.full_name AS fullName FROM seekers s
         JOIN cards k ON k.seeker_id = s.id AND k.status = 'ACTIVE' AND k.expires_at > ?
         LEFT JOIN users u ON u.seeker_id = s.id
        WHERE s.placed_at IS NULL AND u.id IS NULL ORDER BY s.id`,
      [margin],
    );
    const accountHolders = holders.slice(0, Math.min(wanted, Math.ceil(holders.length / 2)));
    const poolHolders = holders.slice(accountHolders.length);
    const [[{ hash }]] = await c.query(
      `SELECT password_hash AS hash FROM users WHERE role = 'seeker' ORDER BY email LIMIT 1`,
    );
    const now = new Date();
    const userRows = accountHolders.map((s, k) => [
      crypto.randomUUID(),
      `peak.seeker${k + 1}@seed.example.com`,
      hash,
      'seeker',
      s.fullName,
      s.id,
      now,
      now,
    ]);
    for (let i = 0; i < userRows.length; i += 1000)
      await c.query(
        'INSERT INTO users (id, email, password_hash, role, full_name, seeker_id, created_at, updated_at) VALUES ?',
        [userRows.slice(i, i + 1000)],
      );
    world.accounts = userRows.map((u, k) => ({
      email: u[1],
      seekerId: u[5],
      offset: Math.floor((k * world.vacancies.length) / Math.max(1, userRows.length)),
      next: 0,
    }));
    if (accountHolders.length) {
      const [existing] = await c.query(
        'SELECT vacancy_id AS v, seeker_id AS s FROM applications WHERE seeker_id IN (?)',
        [accountHolders.map((s) => s.id)],
      );
      for (const e of existing) world.applied.add(`${e.v}|${e.s}`);
    }

    // HR: staff of verified employers with open vacancies; applications from other holders to decide.
    const byEmployer = new Map();
    for (const v of vacancies) byEmployer.set(v.employerId, [...(byEmployer.get(v.employerId) ?? []), v.id]);
    const employerIds = [...byEmployer.keys()].sort((a, b) => byEmployer.get(b).length - byEmployer.get(a).length);
    const chosen = employerIds.slice(0, Number(opt.hr));
    const [staff] = await c.query(
      `SELECT employer_id AS employerId, MIN(email) AS email FROM users
        WHERE role = 'employer' AND employer_id IN (?) GROUP BY employer_id`,
      [chosen],
    );
    world.hr = staff.map((s) => ({
      email: s.email,
      employerId: s.employerId,
      vacancies: byEmployer.get(s.employerId),
    }));
    const hrVacancies = world.hr.flatMap((h) => h.vacancies.map((v) => ({ v, hr: h })));
    const [taken] = await c.query('SELECT vacancy_id AS v, seeker_id AS s FROM applications WHERE vacancy_id IN (?)', [
      hrVacancies.map((x) => x.v),
    ]);
    const takenPairs = new Set(taken.map((t) => `${t.v}|${t.s}`));
    const stepsRequests = STEPS.reduce((s, r) => s + r, 0) * DURATION + STEPS[0] * Number(opt.warmup) + 2000;
    const hrTotal = ANON + SEEKER + HR + OFFICER;
    const needed = Math.ceil(((stepsRequests * HR) / hrTotal) * 0.3 * 1.3) + 200;
    const rows = [];
    for (let k = 0; rows.length < needed && k < needed * 3 && poolHolders.length; k++) {
      const { v, hr } = hrVacancies[k % hrVacancies.length];
      const seeker = poolHolders[Math.floor(k / hrVacancies.length) % poolHolders.length].id;
      if (takenPairs.has(`${v}|${seeker}`)) continue;
      takenPairs.add(`${v}|${seeker}`);
      const id = crypto.randomUUID();
      const at = new Date(Date.now() - 3600_000 * (1 + (k % 72)));
      rows.push([id, v, seeker, hr.employerId, 'SUBMITTED', at, at]);
      world.decisions.push({ id, hr });
    }
    for (let i = 0; i < rows.length; i += 1000)
      await c.query(
        'INSERT INTO applications (id, vacancy_id, seeker_id, employer_id, status, applied_at, updated_at) VALUES ?',
        [rows.slice(i, i + 1000)],
      );
    // Shuffled, so decisions are spread over employers and vacancies.
    for (let i = world.decisions.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [world.decisions[i], world.decisions[j]] = [world.decisions[j], world.decisions[i]];
    }
    log(
      `prepared: ${fmt(world.vacancies.length)} searchable open vacancies, ${fmt(world.accounts.length)} seeker accounts (of ${fmt(holders.length)} card holders who may apply), ${world.hr.length} HR employers with ${fmt(hrVacancies.length)} open vacancies and ${fmt(rows.length)} SUBMITTED applications to decide`,
    );
  } finally {
    await c.end();
  }
  const t = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  for (let k = 1; k <= 12; k++) {
    const from = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - k, 1));
    const to = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - k + 1, 0));
    world.months.push({
      from: from.toISOString().slice(0, 10),
      to: to.toISOString().slice(0, 10),
      year: from.getUTCFullYear(),
      month: from.getUTCMonth() + 1,
    });
  }
  world.validations = validationBodies(accounts).map((v) => v.body);
  world.password = accounts.password;
}

/** Waits until instance A's daily job has recorded today (it runs at start and changes cards and vacancies). */
async function waitForDailyJob(url, today) {
  const c = await mysql.createConnection(url);
  try {
    for (let waited = 0; waited < 180_000; waited += 500) {
      const [rows] = await c.query(`SELECT 1 FROM job_runs WHERE job = 'daily' AND run_date = ?`, [today]);
      if (rows.length > 0) return waited;
      await sleep(500);
    }
    throw new Error('the daily job did not finish within 180 s');
  } finally {
    await c.end();
  }
}

/** Each route alone, one request at a time on instance B: latency and the CPU per request. */
async function measureCosts() {
  const inst = instances[1];
  const mariadb = pidsNamed(['mariadbd', 'mysqld'])[0];
  const rows = [];
  const order = ['sign-in', ...Object.keys(ROUTES).filter((r) => r !== 'sign-in' && !ROUTES[r].probe)];
  const one = async (route, c, k) => {
    let req;
    if (ROUTES[route].group === 'seeker' && route !== 'sign-in')
      req = seekerStep(route, world.ready[k % world.ready.length]);
    else req = build(route);
    if (!req) return false;
    issue(route, req, performance.now(), c, inst);
    while (c.inFlight > 0) await sleep(0);
    return true;
  };
  for (const route of order) {
    const c = newCollector();
    const n = route === 'sign-in' ? 12 : ROUTES[route].report ? 20 : 60;
    const cpu0 = cpuMs(inst.server.child.pid);
    const db0 = mariadb ? cpuMs(mariadb) : 0;
    for (let k = 0; k < n; k++) if (!(await one(route, c, k))) break;
    const cpu = (cpuMs(inst.server.child.pid) - cpu0) / Math.max(1, c.done);
    const db = mariadb ? (cpuMs(mariadb) - db0) / Math.max(1, c.done) : NaN;
    // Then a few more with a probe every 2 ms on the same instance (apart, so the CPU above is the route's
    // alone): the slowest probe is about the longest the route held the event loop.
    const p = newCollector();
    let probing = true;
    const prober = (async () => {
      while (probing) {
        issue('load-balancer probe', build('load-balancer probe'), performance.now(), p, inst);
        await sleep(2);
      }
    })();
    const probes = p.latencies.get('load-balancer probe');
    const slowest = []; // per request of the route: the slowest probe answered meanwhile
    for (let k = 0; k < 10; k++) {
      const before = probes.length;
      if (!(await one(route, c, n + k))) break;
      await sleep(3); // the probes sent during the request answer
      if (probes.length > before) slowest.push(Math.max(...probes.slice(before)));
    }
    probing = false;
    await prober;
    while (p.inFlight > 0) await sleep(1);
    slowest.sort((x, y) => x - y);
    const s = Float64Array.from(c.latencies.get(route)).sort();
    rows.push({
      route,
      n: c.done,
      errors: c.done - s.length,
      median: percentile(s, 50),
      p90: percentile(s, 90),
      cpu,
      db,
      probeTypical: percentile(slowest, 50),
      probeMax: slowest[slowest.length - 1],
    });
    if (c.samples.length) log(`cost of ${route}: ${c.samples[0]}`);
  }
  return rows;
}

// ------------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  buildIfNeeded(opt['no-build']);
  const url = await freshMysqlDatabase('day', { prefix: 'ak1_peak', keep: opt.keep });
  const engine = await mysqlVersion(url);
  const sizes =
    opt.scale === 'city'
      ? ['--vacancies', opt.vacancies ?? '6000', '--open-vacancies', opt['open-vacancies'] ?? '3000']
      : [
          ...(opt.vacancies ? ['--vacancies', opt.vacancies] : []),
          ...(opt['open-vacancies'] ? ['--open-vacancies', opt['open-vacancies']] : []),
        ];
  const seedArgs = ['--scale', opt.scale, ...(opt.cards ? ['--cards', opt.cards] : []), ...sizes];
  const { accounts, seconds: seedSeconds } = seed(dbEnvFor('mysql', url), 'peak', seedArgs);

  // The instances share the database, Redis and every secret (a signing key made for this run).
  const shared = {
    ...BENCH_ENV,
    ...dbEnvFor('mysql', url),
    REDIS_URL: opt['redis-url'],
    CARD_SIGNING_KEY: ed25519Pem(),
    HOST: '127.0.0.1',
  };
  const a = await startServer(
    'instance A (scheduler)',
    ['dist/main.js'],
    { ...shared, SCHEDULER_ENABLED: 'true' },
    { keepLog: 20 },
  );
  log(`instance A's daily job done after ${fmt((await waitForDailyJob(url, accounts.today)) / 1000, 1)} s`);
  let profileDir = null;
  if (opt['cpu-prof']) {
    profileDir = mkdtempSync(join(tmpdir(), 'ak1-peak-prof-'));
    onCleanup(() => rmSync(profileDir, { recursive: true, force: true }));
  }
  const bSpawned = Date.now();
  const b = await startServer(
    `instance B${profileDir ? ' (--cpu-prof)' : ''}`,
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'dist/main.js'],
    { ...shared, SCHEDULER_ENABLED: 'false' },
    { keepLog: 20 },
  );
  for (const server of [a, b]) {
    const agent = new http.Agent({
      keepAlive: true,
      maxSockets: Number(opt.sockets),
      maxFreeSockets: Number(opt.sockets),
      timeout: 4000, // below the server's 5 s keep-alive, so an idle socket is never reused as it closes
    });
    // The probes have their own connection, as a load balancer's health check does: they never wait for one
    // of the mix's sockets, so their latency is the instance's own (its event loop and the CPU it gets).
    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1, timeout: 4000 });
    instances.push({
      server,
      agent,
      probeAgent,
      port: Number(new URL(server.base).port),
      reportsInFlight: 0,
      reportStarts: 0,
    });
  }
  onCleanup(() =>
    instances.forEach((i) => {
      i.agent.destroy();
      i.probeAgent.destroy();
    }),
  );
  if (opt.nginx) proxy = await startNginx();

  const results = [];
  const stepsWindow = { from: 0, to: Infinity }; // ms after instance B was started
  let costs = [];
  let profile = null;
  try {
    await prepare(url, accounts);
    const signStart = Date.now();
    for (const [k, hr] of world.hr.entries())
      hr.token = await login(instances[k % 2].server.base, hr.email, accounts.password);
    world.hr = world.hr.filter((h) => h.token);
    for (const [k, o] of accounts.officers.entries())
      world.officers.push(await login(instances[k % 2].server.base, o.email, accounts.password));
    log(
      `signed in ${world.hr.length} HR staff and ${world.officers.length} officers in ${fmt((Date.now() - signStart) / 1000, 1)} s`,
    );

    // The seed and the preparation leave tens of MB for InnoDB to write out: not part of the day.
    const settled = await waitForWrittenOut(url);
    log(
      `MariaDB wrote out the set-up: ${fmt(settled.dirtyBefore)} → ${fmt(settled.dirtyAfter)} dirty pages of ${fmt(settled.pages)} in ${fmt(settled.seconds, 1)} s`,
    );

    if (Number(opt.warmup) > 0) {
      log(`warm-up: ${STEPS[0]} req/s for ${opt.warmup} s`);
      const w = newCollector();
      await runStep(STEPS[0], Number(opt.warmup), w);
      if (w.errors.size) log(`warm-up errors: ${w.samples.join(' | ')}`);
    }

    if (!opt['no-costs']) {
      log('cost of each route alone (one at a time, instance B, after the warm-up)');
      costs = await measureCosts();
      for (const r of costs)
        log(
          `  ${r.route}: median ${fmt(r.median, 1)} ms, p90 ${fmt(r.p90, 1)} ms, CPU ${fmt(r.cpu, 1)} ms/request (instance) + ${fmt(r.db, 1)} ms (MariaDB), slowest probe alongside ${fmt(r.probeTypical, 1)} ms typically, ${fmt(r.probeMax, 1)} ms at most${r.errors ? `, ${r.errors} errors` : ''}`,
        );
    }

    await sleep(Number(opt.pause) * 1000);

    stepsWindow.from = Date.now() - bSpawned;
    for (const rate of STEPS) {
      const c = newCollector();
      const cpu = cpuSampler();
      const db = await dbSampler(url);
      await runStep(rate, DURATION, c);
      const r = summarize(rate, c, cpu());
      r.db = await db();
      results.push(r);
      log(
        `${rate} req/s offered: achieved ${fmt(r.achieved)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms (${GROUPS.map((g) => `${g} ${fmt(r.groups[g])}`).join(', ')}), non-report p99 ${fmt(r.nonReportP99)} ms, fast routes while a report ran: p99 ${fmt(r.fastDuring.p99)} / max ${fmt(r.fastDuring.max)} ms (${fmt(r.fastDuring.n)} requests), otherwise p99 ${fmt(r.fastCalm.p99)} / max ${fmt(r.fastCalm.max)} ms; load-balancer probes while a report ran p99 ${fmt(r.probeDuring.p99)} / max ${fmt(r.probeDuring.max)} ms (${fmt(r.probeDuring.n)}), otherwise p99 ${fmt(r.probeCalm.p99)} / max ${fmt(r.probeCalm.max)} ms; errors ${r.errors}; CPU A ${fmt(r.cpu.A)} % B ${fmt(r.cpu.B)} % MariaDB ${fmt(r.cpu.mariadb)} % generator ${fmt(r.cpu.generator)} %, load ${fmt(r.cpu.load, 1)}, send lag max ${fmt(r.maxLag)} ms ${r.held ? '— held' : '— DID NOT HOLD'}`,
      );
      log(
        `  MariaDB: ${fmt(r.db.running, 1)} statements running on average (max ${r.db.maxRunning}), ${fmt(r.db.connections, 1)} connections open (max ${r.db.maxConnections}); other databases on the server: ${fmt(r.db.others, 1)} statements running on average; longest seen running: ${fmt(r.db.longest.ms)} ms (${r.db.longest.shape.slice(0, 60) || '—'}); most seen: ${r.db.shapes
          .slice(0, 3)
          .map((x) => `${fmt(x.share * 100)} % ${x.shape.slice(0, 90)}`)
          .join(' | ')}`,
      );
      if (r.errors) {
        log(`  errors: ${JSON.stringify(r.errorDetail)}`);
        for (const s of r.samples) log(`  ${s}`);
      }
      stepsWindow.to = Date.now() - bSpawned;
      if (!r.held && !opt['all-steps']) break;
      await sleep(Number(opt.pause) * 1000);
    }
  } finally {
    for (const i of instances) {
      i.agent.destroy();
      i.probeAgent.destroy();
    }
    await Promise.all([stopServer(a), stopServer(b)]);
  }
  if (profileDir) {
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file)
      profile = cpuProfileSummary(join(profileDir, file), { top: 20, fromMs: stepsWindow.from, toMs: stepsWindow.to });
    else log('no CPU profile was written by instance B');
  }
  report({ results, costs, profile, engine, accounts, seedSeconds, seedArgs, wall: (Date.now() - t0) / 1000 });
  // What the instances logged at warn or error (LOG_LEVEL=warn): a failed request, a pool timeout, a slow job.
  for (const s of [a, b]) {
    log(`${s.label} logged: ${JSON.stringify(s.log.levels)}`);
    for (const line of s.log.lines.slice(-5)) log(`  ${line}`);
  }
}

function report({ results, costs, profile, engine, accounts, seedSeconds, seedArgs, wall }) {
  const out = (s = '') => process.stdout.write(`${s}\n`);
  const m = machine();
  const held = results.filter((r) => r.held);
  const best = held[held.length - 1];
  const failed = results.find((r) => !r.held);
  const argv = process.argv.slice(2).join(' ');
  out();
  out(`${m.date} · ${m.text} · ${engine} · Redis ${opt['redis-url']}`);
  out(`npm run bench:peak${argv ? ` -- ${argv}` : ''}`);
  out(
    `seed ${seedArgs.join(' ')} (${Object.entries(accounts.counts)
      .map(([t, n]) => `${t} ${fmt(n)}`)
      .join(
        ', ',
      )}) in ${fmt(seedSeconds)} s; whole run ${fmt(wall)} s; two instances, ${opt.duration} s per step, mix ${opt.mix} (anonymous, seekers, HR, officers)${SKIP.length ? ` without ${Object.keys(ROUTES).filter(skipped).join(', ')}` : ''}, a seeker signs in once per ${SESSION} requests${opt.nginx ? ', through nginx (caching load balancer)' : ''}${REPORT_MAX_AGE > 0 ? `, officers accept report answers up to ${REPORT_MAX_AGE} s old` : ''}`,
  );
  out();
  out(
    `| offered req/s | achieved req/s | p50 ms | p99 ms | anonymous p99 | seeker p99 | HR p99 | officer p99 | non-report p99 | fast routes while a report ran: p99 / max ms (otherwise) | probe while a report ran: p99 / max ms (otherwise) | errors | CPU % A / B / MariaDB / generator${opt.nginx ? ' / nginx' : ''} | instances' CPU ms per request | MariaDB statements running avg / max (other databases avg) | load (1 min) | held |`,
  );
  out('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    out(
      `| ${fmt(r.rate)} | ${fmt(r.achieved)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${GROUPS.map((g) => fmt(r.groups[g])).join(' | ')} | ${fmt(r.nonReportP99)} | ${fmt(r.fastDuring.p99)} / ${fmt(r.fastDuring.max)} (${fmt(r.fastCalm.p99)} / ${fmt(r.fastCalm.max)}) | ${fmt(r.probeDuring.p99)} / ${fmt(r.probeDuring.max)} (${fmt(r.probeCalm.p99)} / ${fmt(r.probeCalm.max)}) | ${r.errors} | ${fmt(r.cpu.A)} / ${fmt(r.cpu.B)} / ${fmt(r.cpu.mariadb)} / ${fmt(r.cpu.generator)}${opt.nginx ? ` / ${fmt(r.cpu.nginx)}` : ''} | ${fmt((10 * (r.cpu.A + r.cpu.B)) / Math.max(1, r.achieved), 1)} | ${fmt(r.db.running, 1)} / ${r.db.maxRunning} (${fmt(r.db.others, 1)}) | ${fmt(r.cpu.load, 1)} | ${r.held ? 'yes' : '**no**'} |`,
    );
  out();
  if (best)
    out(
      `Sustainable rate: **${fmt(best.rate)} req/s** (p99 ${fmt(best.p99)} ms, no errors${failed ? `; ${fmt(failed.rate)} req/s did not hold: p99 ${fmt(failed.p99)} ms, ${failed.errors} errors` : ''}).`,
    );
  else
    out(
      `No step held (the first, ${fmt(results[0]?.rate)} req/s: p99 ${fmt(results[0]?.p99)} ms, ${results[0]?.errors} errors).`,
    );
  const goal = results.some((r) => r.held && r.rate >= GOAL.rate && r.p99 < GOAL.p99);
  out(
    `Goal (≥ ${fmt(GOAL.rate)} mixed req/s with p99 < ${GOAL.p99} ms and no errors): ${goal ? 'met' : '**not met**'}.`,
  );
  for (const [label, r] of [
    ['at the sustainable rate', best],
    ['at the first step that did not hold', failed],
  ]) {
    if (!r) continue;
    out();
    out(`Per route ${label} (${fmt(r.rate)} req/s offered):`);
    out();
    out('| route | group | requests | p50 ms | p99 ms | max ms | errors |');
    out('|---|---|---|---|---|---|---|');
    for (const [name, x] of Object.entries(r.routes))
      if (x.n || x.errors)
        out(
          `| ${name} | ${ROUTES[name].group}${ROUTES[name].report ? ' (report)' : ''} | ${fmt(x.n)} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${fmt(x.max)} | ${x.errors} |`,
        );
    if (r.errors) out(`\nErrors: ${JSON.stringify(r.errorDetail)}`);
    out();
    out(
      `MariaDB during that step: ${fmt(r.db.running, 1)} statements running on average (max ${r.db.maxRunning}), ${fmt(r.db.connections, 1)} connections open (max ${r.db.maxConnections}). Statements seen running (share of samples):`,
    );
    out();
    out('| share | running on average | statement |');
    out('|---|---|---|');
    for (const x of r.db.shapes)
      out(`| ${fmt(x.share * 100)} % | ${fmt(x.running, 2)} | \`${x.shape.replace(/\|/g, '\\|')}\` |`);
  }
  if (costs.length) {
    out();
    out('Each route alone (one request at a time on instance B, after the warm-up):');
    out();
    out(
      '| route | requests | median ms | p90 ms | instance CPU ms/request | MariaDB CPU ms/request | slowest probe alongside: median / max ms |',
    );
    out('|---|---|---|---|---|---|---|');
    for (const r of costs)
      out(
        `| ${r.route} | ${r.n} | ${fmt(r.median, 1)} | ${fmt(r.p90, 1)} | ${fmt(r.cpu, 1)} | ${fmt(r.db, 1)} | ${fmt(r.probeTypical, 1)} / ${fmt(r.probeMax, 1)} |`,
      );
    // Where the CPU of an average mixed request goes: each route's share of the requests sent in the
    // steps times its cost alone. Two cores give at most 2,000 ms of CPU a second.
    const sent = new Map();
    for (const r of results)
      for (const [name, x] of Object.entries(r.routes))
        if (!ROUTES[name].probe) sent.set(name, (sent.get(name) ?? 0) + x.n);
    const all = [...sent.values()].reduce((a, b) => a + b, 0);
    if (all > 0) {
      const budget = costs
        .map((c) => ({ ...c, share: (sent.get(c.route) ?? 0) / all }))
        .map((c) => ({ ...c, inst: c.share * c.cpu, mdb: c.share * c.db }))
        .sort((x, y) => y.inst + y.mdb - (x.inst + x.mdb));
      const total = budget.reduce((s, c) => s + c.inst + c.mdb, 0);
      out();
      out(
        `CPU of an average mixed request (each route's share of the requests in the steps × its cost alone): ${fmt(total, 1)} ms, of which instances ${fmt(
          budget.reduce((s, c) => s + c.inst, 0),
          1,
        )} ms and MariaDB ${fmt(
          budget.reduce((s, c) => s + c.mdb, 0),
          1,
        )} ms; two cores could serve at most ~${fmt(2000 / total)} such requests a second with nothing else running (the goal needs ≤ ${fmt(2000 / GOAL.rate, 1)} ms, generator included).`,
      );
      out();
      out(
        '| route | share of requests | instance ms per mixed request | MariaDB ms per mixed request | share of the CPU |',
      );
      out('|---|---|---|---|---|');
      for (const c of budget)
        out(
          `| ${c.route} | ${fmt(c.share * 100, 1)} % | ${fmt(c.inst, 2)} | ${fmt(c.mdb, 2)} | ${fmt(((c.inst + c.mdb) / total) * 100, 1)} % |`,
        );
    }
  }
  if (profile) {
    out();
    out(
      `Instance B's CPU profile during the steps: ${fmt(profile.busyMs / 1000, 1)} s busy, ${fmt(profile.idleMs / 1000, 1)} s idle. Self time by package / module:`,
    );
    out();
    out('| where | self ms | share of busy |');
    out('|---|---|---|');
    for (const x of profile.buckets) out(`| ${x.name} | ${fmt(x.ms)} | ${fmt(x.share * 100, 1)} % |`);
    out();
    out('| function | self ms | share of busy |');
    out('|---|---|---|');
    for (const x of profile.functions) out(`| \`${x.name}\` | ${fmt(x.ms)} | ${fmt(x.share * 100, 1)} % |`);
  }
}

runBench(main);
