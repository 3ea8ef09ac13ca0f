// `node test/bench/helmet-build.bench.mjs`: what a request pays for its security headers when helmet's
// middleware is built on every request (as @fastify/helmet does) against built once (src/http-setup.ts).
// 100,000 calls each against a stand-in response; prints microseconds per call.
import helmet from 'helmet';

const options = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};
const res = { setHeader() {}, removeHeader() {} };
const N = 100_000;

function time(label, fn) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  const us = Number(process.hrtime.bigint() - started) / 1000 / N;
  process.stdout.write(`${label}: ${us.toFixed(2)} µs per request\n`);
}

const once = helmet(options);
time('built on every request', () => helmet(options)({}, res, () => {}));
time('built once', () => once({}, res, () => {}));
