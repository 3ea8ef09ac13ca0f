// `node test/bench/hostile-input.bench.mjs`: what a deeply nested JSON body costs the service
// (docs/security.md, "Findings of the outside audit", 1).
//
// Starts the built service (node dist/main.js) on a fresh SQLite file, then sends
// '['.repeat(400000) + ']'.repeat(400000) (800 KB, unauthenticated) to POST /api/v1/auth/login
// `--runs` times. For each it records the status and the reply time, and — from a GET /health/live
// sent every 2 ms meanwhile — the longest the event loop left another request waiting (the stall
// every other caller of the process suffers).
//
// Options: --runs 10  --depth 400000  --entry dist/main.js  --no-build
import { parseArgs } from 'node:util';
import {
  BENCH_ENV,
  buildIfNeeded,
  fmt,
  freshSqliteFile,
  log,
  runBench,
  sleep,
  startServer,
  stats,
  stopServer,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    depth: { type: 'string', default: '400000' },
    entry: { type: 'string', default: 'dist/main.js' },
    'no-build': { type: 'boolean', default: false },
  },
});

runBench(async () => {
  if (opt.entry === 'dist/main.js') buildIfNeeded(opt['no-build']);
  const depth = Number(opt.depth);
  const body = '['.repeat(depth) + ']'.repeat(depth);
  const server = await startServer('service (sqlite)', [opt.entry], {
    ...BENCH_ENV,
    DB_TYPE: 'sqlite',
    DB_PATH: freshSqliteFile('hostile'),
  });
  try {
    const replies = [];
    const stalls = [];
    const statuses = new Map();
    for (let i = 0; i < Number(opt.runs); i++) {
      let done = false;
      let worst = 0;
      const pinger = (async () => {
        while (!done) {
          const t0 = performance.now();
          await fetch(`${server.base}/health/live`).then((r) => r.arrayBuffer());
          worst = Math.max(worst, performance.now() - t0);
          await sleep(2);
        }
      })();
      await sleep(20);
      const t0 = performance.now();
      const res = await fetch(`${server.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await res.text();
      replies.push(performance.now() - t0);
      done = true;
      await pinger;
      stalls.push(worst);
      const key = `${res.status} ${safeCode(text)}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const r = stats(replies);
    const s = stats(stalls);
    log(
      `body: ${fmt(body.length / 1024)} KB, nesting depth ${fmt(depth)}; replies: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    log(`reply time ms: median ${fmt(r.median, 1)}, max ${fmt(r.max, 1)}`);
    log(`longest wait of a concurrent GET /health/live ms: median ${fmt(s.median, 1)}, max ${fmt(s.max, 1)}`);
  } finally {
    await stopServer(server);
  }
});

function safeCode(text) {
  try {
    return JSON.parse(text).code ?? '';
  } catch {
    return '(not JSON)';
  }
}
