// The yardstick for `npm run bench:validation`: the least a card validation can cost on this
// machine. Fastify + mysql2, no framework layers, no auth: normalise the number, look the card up
// with its holder, compare the NIK's keyed hash, record the check, answer JSON. Same tables and
// the same key derivation as the service, so it runs against a database seeded for the service.
//
//   PORT=3100 DB_URL=mysql://root@127.0.0.1:3306/ak1_bench DATA_KEY=<hex> \
//   BASELINE_EMPLOYER_ID=<id> BASELINE_USER_ID=<id> node test/bench/baseline-fastify.mjs
import Fastify from 'fastify';
import mysql from 'mysql2/promise';
import { createHash, createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';

const env = process.env;
const port = Number(env.PORT ?? 3100);
const employerId = env.BASELINE_EMPLOYER_ID;
const userId = env.BASELINE_USER_ID;
if (!env.DB_URL || !employerId || !userId) {
  process.stderr.write('DB_URL, BASELINE_EMPLOYER_ID and BASELINE_USER_ID are required\n');
  process.exit(1);
}

// DATA_KEY as the service reads it (64 hex characters or base64 of 32 bytes; unset = development key).
function dataKey(raw) {
  if (!raw) return createHash('sha256').update('development-only-data-key').digest();
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  return Buffer.from(raw, 'base64');
}
const macKey = Buffer.from(hkdfSync('sha256', dataKey(env.DATA_KEY), Buffer.alloc(0), 'ak1/lookup-hash/v1', 32));

const pool = mysql.createPool({ uri: env.DB_URL, connectionLimit: 20, timezone: 'Z', dateStrings: ['DATE'] });

function luhnOk(digits) {
  let sum = 0;
  for (let i = digits.length - 2, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

const mask = (name) =>
  name
    .trim()
    .split(/\s+/)
    .map((w) => w[0].toUpperCase() + '*'.repeat(w.length - 1))
    .join(' ');
const FINDABLE = new Set(['ACTIVE', 'EXPIRED', 'PLACED', 'REVOKED']);

const app = Fastify({ logger: false });

app.post('/api/v1/card-validations', async (req, reply) => {
  const { cardNumber, nik } = req.body ?? {};
  if (typeof cardNumber !== 'string' || typeof nik !== 'string' || !/^\d{16}$/.test(nik)) {
    return reply.code(400).send({ statusCode: 400, code: 'VALIDATION_FAILED' });
  }
  const key = cardNumber.replace(/[\s.-]/g, '').toUpperCase();
  const ours = /^\d{13}$/.test(key);
  if (ours && !luhnOk(key)) return reply.code(400).send({ statusCode: 400, code: 'INVALID_CARD_NUMBER' });

  const [rows] = await pool.execute(
    'SELECT c.id, c.status, c.card_number_display, c.expires_at, c.next_report_due, s.full_name, s.nik_hash FROM cards c JOIN seekers s ON s.id = c.seeker_id WHERE c.card_number = ?',
    [key],
  );
  const card = rows[0];
  const presented = ours ? `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 12)}-${key.slice(12)}` : key;
  const hash = createHmac('sha256', macKey).update(nik).digest('hex');
  const matched =
    card && FINDABLE.has(card.status) && timingSafeEqual(Buffer.from(card.nik_hash), Buffer.from(hash)) ? card : null;
  const now = new Date();
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  let body;
  if (!matched) {
    body = {
      result: 'NOT_FOUND',
      valid: false,
      cardNumber: presented,
      holderName: null,
      expiresAt: null,
      reportOverdue: null,
      checkedAt: now.toISOString(),
    };
  } else {
    const result = matched.status === 'ACTIVE' ? (matched.expires_at < today ? 'EXPIRED' : 'VALID') : matched.status;
    body = {
      result,
      valid: result === 'VALID',
      cardNumber: matched.card_number_display,
      holderName: mask(matched.full_name),
      expiresAt: matched.expires_at,
      reportOverdue: result === 'VALID' && matched.next_report_due !== null && matched.next_report_due < today,
      checkedAt: now.toISOString(),
    };
  }
  await pool.execute(
    'INSERT INTO card_validations (id, employer_id, user_id, card_id, card_number, channel, result, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      randomUUID(),
      employerId,
      userId,
      matched?.id ?? null,
      (matched?.card_number_display ?? presented).slice(0, 40),
      'NUMBER',
      body.result,
      now,
    ],
  );
  return body;
});

app.get('/health', async () => ({ status: 'ok' }));

const close = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', close);
process.on('SIGINT', close);

await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`baseline listening on ${port}\n`);
