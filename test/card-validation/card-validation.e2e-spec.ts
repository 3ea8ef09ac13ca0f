import { createPublicKey, verify } from 'node:crypto';
import { composeCardNumber } from '../../src/cards/card-number';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { CardValidationService } from '../../src/card-validation/card-validation.service';
import { sqlInstant } from '../../src/common/sql';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  randomIdentity,
  registerEmployer,
  registerSeeker,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';

const REPLY_KEYS = ['cardNumber', 'checkedAt', 'expiresAt', 'holderName', 'reportOverdue', 'result', 'valid'];

describe('card validation by employers, and offline credentials', () => {
  let t: TestApp;
  let officer: Session;
  let employer: Awaited<ReturnType<typeof verifiedEmployer>>;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const validate = (cardNumber: string, nik: string, who: Session = employer) =>
    t.http.post('/api/v1/card-validations').set(bearer(who)).send({ cardNumber, nik });
  const recorded = async (employerId: string) =>
    Number((await t.ds.query('SELECT COUNT(*) AS n FROM card_validations WHERE employer_id = ?', [employerId]))[0].n);

  describe('by number and NIK', () => {
    it('request → approve → VALID, with only the masked name', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer, { fullName: 'Bambang Santoso' });
      const res = await validate(card.cardNumber.replace(/-/g, ' '), seeker.nik).expect(200);
      expect(res.body).toEqual({
        result: 'VALID',
        valid: true,
        cardNumber: card.cardNumber,
        holderName: 'B****** S******',
        expiresAt: card.expiresAt,
        reportOverdue: false,
        checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      });
      const dotted = await validate(card.cardNumber.replace(/-/g, '.'), seeker.nik).expect(200);
      expect(dotted.body.result).toBe('VALID');
      expect(JSON.stringify(res.body)).not.toContain(seeker.nik);
    });

    it('answers unknown number, wrong NIK, a pending holder and a revoked card with a wrong NIK exactly alike', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const pendingSeeker = await registerSeeker(t);
      await t.http.post('/api/v1/cards/requests').set(bearer(pendingSeeker)).expect(201);
      const { card: revoked } = await seekerWithActiveCard(t, officer);
      await t.http
        .post(`/api/v1/cards/${revoked.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Dicabut' })
        .expect(200);
      const unknown = composeCardNumber('1671', 2019, 999_999);

      const replies = [
        await validate(unknown, seeker.nik).expect(200),
        await validate(card.cardNumber, randomIdentity().nik).expect(200),
        await validate(unknown, pendingSeeker.nik).expect(200),
        await validate(revoked.cardNumber, randomIdentity().nik).expect(200),
        await validate('AK1/9999/NOPE', seeker.nik).expect(200),
      ];
      for (const r of replies) {
        expect(Object.keys(r.body).sort()).toEqual(REPLY_KEYS);
        const { cardNumber: _n, checkedAt: _c, ...rest } = r.body;
        expect(rest).toEqual({
          result: 'NOT_FOUND',
          valid: false,
          holderName: null,
          expiresAt: null,
          reportOverdue: null,
        });
      }
      // The number is echoed as typed (grouped when it is one of ours), never looked-up data.
      expect(replies[1].body.cardNumber).toBe(card.cardNumber);
    });

    it('refuses a typo in a 13-digit number with 400 INVALID_CARD_NUMBER, without a lookup or record', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const digits = card.cardNumber.replace(/-/g, '');
      const typo = digits.slice(0, 8) + String((Number(digits[8]) + 1) % 10) + digits.slice(9);
      const before = await recorded(employer.employerId);
      const res = await validate(typo, seeker.nik).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_CARD_NUMBER' });
      expect((await validate('<script>', seeker.nik).expect(400)).body.code).toBe('INVALID_CARD_NUMBER');
      expect((await validate(card.cardNumber, '123').expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect(await recorded(employer.employerId)).toBe(before);
    });

    it('says EXPIRED after the daily job, REVOKED after revocation, and flags an overdue report', async () => {
      t.clock.set('2026-01-20T03:00:00Z');
      const a = await seekerWithActiveCard(t, officer);
      const b = await seekerWithActiveCard(t, officer);

      t.clock.set('2026-07-25T03:00:00Z');
      const overdue = await validate(a.card.cardNumber, a.seeker.nik).expect(200);
      expect(overdue.body).toMatchObject({ result: 'VALID', valid: true, reportOverdue: true });

      await t.http
        .post(`/api/v1/cards/${b.card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Pindah domisili' })
        .expect(200);
      expect((await validate(b.card.cardNumber, b.seeker.nik).expect(200)).body).toMatchObject({
        result: 'REVOKED',
        valid: false,
        holderName: expect.any(String),
        reportOverdue: false,
      });

      t.clock.set('2028-01-21T03:00:00Z');
      await t.app.get(DailyJobs).runAll();
      const expired = await validate(a.card.cardNumber, a.seeker.nik).expect(200);
      expect(expired.body).toMatchObject({
        result: 'EXPIRED',
        valid: false,
        expiresAt: '2028-01-20',
        reportOverdue: false,
      });
    });

    it('is for staff of verified employers only', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const pending = await registerEmployer(t);
      expect((await validate(card.cardNumber, seeker.nik, pending).expect(403)).body.code).toBe(
        'EMPLOYER_NOT_VERIFIED',
      );
      await validate(card.cardNumber, seeker.nik, seeker).expect(403);
      await validate(card.cardNumber, seeker.nik, officer).expect(403);
      await t.http.post('/api/v1/card-validations').send({ cardNumber: card.cardNumber, nik: seeker.nik }).expect(401);
    });
  });

  describe('history', () => {
    it('records every check; employers see their own, officers all or one employer', async () => {
      const mine = await verifiedEmployer(t, officer);
      const other = await verifiedEmployer(t, officer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      await validate(card.cardNumber, seeker.nik, mine).expect(200);
      await validate(card.cardNumber, randomIdentity().nik, mine).expect(200);
      await validate(card.cardNumber, seeker.nik, other).expect(200);

      const own = await t.http.get('/api/v1/card-validations').set(bearer(mine)).expect(200);
      expect(own.body.total).toBe(2);
      expect(own.body.items.map((v: { result: string }) => v.result).sort()).toEqual(['NOT_FOUND', 'VALID']);
      const validRow = own.body.items.find((v: { result: string }) => v.result === 'VALID');
      expect(validRow).toEqual({
        id: expect.any(String),
        employerId: mine.employerId,
        userId: mine.userId,
        cardId: card.id,
        cardNumber: card.cardNumber,
        channel: 'NUMBER',
        result: 'VALID',
        checkedAt: expect.any(String),
      });
      expect(own.body.items.find((v: { result: string }) => v.result === 'NOT_FOUND').cardId).toBeNull();

      await t.http.get(`/api/v1/card-validations?employerId=${other.employerId}`).set(bearer(mine)).expect(403);
      const byOfficer = await t.http
        .get(`/api/v1/card-validations?employerId=${other.employerId}`)
        .set(bearer(officer))
        .expect(200);
      expect(byOfficer.body.items.map((v: { employerId: string }) => v.employerId)).toEqual([other.employerId]);
      const all = await t.http.get('/api/v1/card-validations?pageSize=100').set(bearer(officer)).expect(200);
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      await t.http.get('/api/v1/card-validations').set(bearer(seeker)).expect(403);
    });

    it('records each of many checks made at the same moment once, and answers only after its record is stored', async () => {
      const a = await verifiedEmployer(t, officer);
      const b = await verifiedEmployer(t, officer);
      // Eight cards, so that no employer sends more than three checks of one number at once (the wrong-NIK lock).
      const holders: Awaited<ReturnType<typeof seekerWithActiveCard>>[] = [];
      for (let k = 0; k < 8; k++) holders.push(await seekerWithActiveCard(t, officer));
      const before = t.app.get(CardValidationService).records?.stats;
      const statementsBefore = before?.statements ?? 0;
      const sent = Array.from({ length: 40 }, (_, i) => {
        const { seeker, card } = holders[i % 8];
        return validate(card.cardNumber, i % 5 === 0 ? randomIdentity().nik : seeker.nik, i % 2 ? a : b).then(
          async (res) => {
            expect(res.status).toBe(200);
            // Answered: its own record is already there.
            const rows = await t.ds.query(
              'SELECT result FROM card_validations WHERE checked_at = ? AND employer_id = ?',
              [sqlInstant(new Date(res.body.checkedAt)), i % 2 ? a.employerId : b.employerId],
            );
            expect(rows.map((r: { result: string }) => r.result)).toContain(res.body.result);
            return res.body.result as string;
          },
        );
      });
      const results = await Promise.all(sent);
      expect(await recorded(a.employerId)).toBe(20);
      expect(await recorded(b.employerId)).toBe(20);
      const byResult = await t.ds.query(
        'SELECT result, COUNT(*) AS n FROM card_validations WHERE employer_id IN (?, ?) GROUP BY result ORDER BY result',
        [a.employerId, b.employerId],
      );
      expect(byResult.map((r: { result: string; n: number | string }) => [r.result, Number(r.n)])).toEqual([
        ['NOT_FOUND', results.filter((r) => r === 'NOT_FOUND').length],
        ['VALID', results.filter((r) => r === 'VALID').length],
      ]);
      const after = t.app.get(CardValidationService).records?.stats;
      if (ENGINE === 'mysql') {
        // Group commit (decision 126): forty records, fewer statements.
        expect(after!.statements - statementsBefore).toBeLessThan(40);
        expect(after!.statements - statementsBefore).toBeGreaterThan(0);
      } else {
        expect(after).toBeUndefined();
      }
    });

    it('filters by calendar dates in Asia/Jakarta, both inclusive', async () => {
      const e = await verifiedEmployer(t, officer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      t.clock.set('2026-03-09T17:30:00Z'); // 10 March 00:30 WIB
      await validate(card.cardNumber, seeker.nik, e).expect(200);
      t.clock.set('2026-03-11T16:59:00Z'); // 11 March 23:59 WIB
      await validate(card.cardNumber, seeker.nik, e).expect(200);
      t.clock.set('2026-03-11T17:00:00Z'); // 12 March 00:00 WIB
      await validate(card.cardNumber, seeker.nik, e).expect(200);
      const res = await t.http.get('/api/v1/card-validations?from=2026-03-10&to=2026-03-11').set(bearer(e)).expect(200);
      expect(res.body.items.map((v: { checkedAt: string }) => v.checkedAt)).toEqual([
        '2026-03-11T16:59:00.000Z',
        '2026-03-09T17:30:00.000Z',
      ]);
      expect((await t.http.get('/api/v1/card-validations?from=2026-02-30').set(bearer(e)).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        (await t.http.get('/api/v1/card-validations?from=2026-03-12&to=2026-03-10').set(bearer(e)).expect(400)).body
          .code,
      ).toBe('VALIDATION_FAILED');
    });
  });

  describe('rate limit', () => {
    let limited: TestApp;
    afterAll(() => limited?.close());

    it('answers 429 with Retry-After past VALIDATION_RATE_LIMIT per employer per minute', async () => {
      limited = await startApp({ VALIDATION_RATE_LIMIT: '3' });
      const o = await makeOfficer(limited);
      const busy = await verifiedEmployer(limited, o);
      const calm = await verifiedEmployer(limited, o);
      const { seeker, card } = await seekerWithActiveCard(limited, o);
      const send = (who: Session) =>
        limited.http
          .post('/api/v1/card-validations')
          .set(bearer(who))
          .send({ cardNumber: card.cardNumber, nik: seeker.nik });
      for (let i = 0; i < 3; i++) await send(busy).expect(200);
      const refused = await send(busy).expect(429);
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'VALIDATION_RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      // The limit is per employer.
      await send(calm).expect(200);
      const rows = await limited.ds.query('SELECT COUNT(*) AS n FROM card_validations WHERE employer_id = ?', [
        busy.employerId,
      ]);
      expect(Number(rows[0].n)).toBe(3);
    });
  });

  describe('offline credential', () => {
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

    it('signs an Ed25519 JWS a third party can verify with the published key, with a PNG QR code', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer, { fullName: 'Rina Marlina' });
      const res = await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker)).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'qrPng', 'token']);
      const png = Buffer.from(res.body.qrPng, 'base64');
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

      const [h, p, s] = res.body.token.split('.');
      const header = decode(h);
      const claims = decode(p);
      expect(header).toEqual({ alg: 'EdDSA', kid: expect.any(String), typ: 'JWT' });
      expect(claims).toMatchObject({
        iss: 'ak1-platform',
        sub: card.id,
        cardNumber: card.cardNumber,
        holderName: 'R*** M******',
        status: 'ACTIVE',
        validFrom: card.issuedAt,
        validUntil: card.expiresAt,
      });
      expect(claims.exp).toBeGreaterThan(claims.iat);
      expect(JSON.stringify(claims)).not.toContain(seeker.nik);

      const jwks = await t.http.get('/.well-known/jwks.json').expect(200);
      const key = jwks.body.keys.find((k: { kid: string }) => k.kid === header.kid);
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      const publicKey = createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x }, format: 'jwk' });
      expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
      expect(verify(null, Buffer.from(`${h}.${p}x`), publicKey, Buffer.from(s, 'base64url'))).toBe(false);

      // Officers may fetch it too; other seekers and employers may not.
      await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(officer)).expect(200);
      await t.http
        .get(`/api/v1/cards/${card.id}/credential`)
        .set(bearer(await registerSeeker(t)))
        .expect(404);
      await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(employer)).expect(403);
    });

    it('is checked online against the live status: VALID, then REVOKED once revoked', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const { token } = (await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker)).expect(200)).body;
      const ok = await t.http
        .post('/api/v1/card-validations/credential')
        .set(bearer(employer))
        .send({ token })
        .expect(200);
      expect(ok.body).toMatchObject({
        result: 'VALID',
        valid: true,
        cardNumber: card.cardNumber,
        expiresAt: card.expiresAt,
      });
      expect(Object.keys(ok.body).sort()).toEqual(REPLY_KEYS);
      await t.http
        .post(`/api/v1/cards/${card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Sudah bekerja' })
        .expect(200);
      const after = await t.http
        .post('/api/v1/card-validations/credential')
        .set(bearer(employer))
        .send({ token })
        .expect(200);
      expect(after.body).toMatchObject({ result: 'REVOKED', valid: false });
      const rows = await t.ds.query(
        `SELECT channel, result FROM card_validations WHERE card_id = ? ORDER BY checked_at`,
        [card.id],
      );
      expect(rows).toEqual([
        { channel: 'CREDENTIAL', result: 'VALID' },
        { channel: 'CREDENTIAL', result: 'REVOKED' },
      ]);
      // No new credential for a card that is not ACTIVE.
      expect((await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker)).expect(409)).body.code).toBe(
        'CARD_NOT_ACTIVE',
      );
    });

    it('refuses forged, tampered, unsigned and expired tokens', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const { token } = (await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker)).expect(200)).body;
      const [h, p, s] = token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...claims, status: 'ACTIVE', exp: claims.exp + 10 ** 8 }),
      ).toString('base64url');
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const hs = Buffer.from(
        JSON.stringify({ alg: 'HS256', kid: JSON.parse(Buffer.from(h, 'base64url').toString()).kid }),
      ).toString('base64url');
      for (const bad of [
        `${h}.${forgedPayload}.${s}`,
        `${none}.${p}.`,
        `${none}.${p}.${s}`,
        `${hs}.${p}.${s}`,
        'not-a-token',
        `${h}.${p}.${s.slice(0, -4)}AAAA`,
      ]) {
        const res = await t.http.post('/api/v1/card-validations/credential').set(bearer(employer)).send({ token: bad });
        expect([res.status, res.body.code]).toEqual([400, 'INVALID_CREDENTIAL']);
      }
      t.clock.set(new Date((claims.exp + 1) * 1000));
      const expired = await t.http
        .post('/api/v1/card-validations/credential')
        .set(bearer(employer))
        .send({ token })
        .expect(422);
      expect(expired.body.code).toBe('CREDENTIAL_EXPIRED');
    });

    it('a pending card has no credential', async () => {
      const s = await registerSeeker(t);
      const req = await t.http.post('/api/v1/cards/requests').set(bearer(s)).expect(201);
      expect((await t.http.get(`/api/v1/cards/${req.body.id}/credential`).set(bearer(s)).expect(409)).body.code).toBe(
        'CARD_NOT_ACTIVE',
      );
    });
  });
});
