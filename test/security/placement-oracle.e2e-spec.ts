import { randomInt } from 'node:crypto';
import { composeCardNumber, groupCardNumber } from '../../src/cards/card-number';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  randomIdentity,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';

/**
 * Finding of the outside audit: `POST /placements` answered a (cardNumber, NIK) guess with 404, 422 or
 * 409 (or, on an ACTIVE card, recorded a hire) without counting it toward the validation limit or
 * recording it, so it was an unlimited NIK oracle. These tests hold the fix: placements count toward
 * VALIDATION_RATE_LIMIT, are recorded as validations (channel PLACEMENT), and wrong NIKs for one card
 * number lock that employer out of that number (429 CARD_CHECK_LOCKED) on both doors.
 */

const ERROR_KEYS = ['code', 'error', 'message', 'statusCode'];

/**
 * The limiter's windows are aligned to real time (minutes, hours). A sequence that must fall in one
 * window first waits out the window's last `marginMs`, so a boundary cannot reset the count mid-test.
 */
async function inOneWindow(seconds: number, marginMs: number): Promise<void> {
  const left = seconds * 1000 - (Date.now() % (seconds * 1000));
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}

/** A number with a correct check digit that no card carries (issue year 97 is never used by the tests). */
const unknownNumber = () => groupCardNumber(composeCardNumber('1671', 97, randomInt(1, 999_999)));

/** An NIK that is not `nik` (same shape as a real one). */
function otherNik(nik: string): string {
  let guess = randomIdentity().nik;
  while (guess === nik) guess = randomIdentity().nik;
  return guess;
}

describe('security: POST /placements is no NIK oracle', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const place = (app: TestApp, who: Session, cardNumber: string, nik: string) =>
    app.http
      .post('/api/v1/placements')
      .set(bearer(who))
      .send({ cardNumber, nik, startDate: app.clock.today(), position: 'Operator' });
  const validate = (app: TestApp, who: Session, cardNumber: string, nik: string) =>
    app.http.post('/api/v1/card-validations').set(bearer(who)).send({ cardNumber, nik });
  const records = async (app: TestApp, employerId: string) =>
    (await app.ds.query(
      'SELECT channel, result, card_id AS cardId, card_number AS cardNumber FROM card_validations WHERE employer_id = ?',
      [employerId],
    )) as {
      channel: string;
      result: string;
      cardId: string | null;
      cardNumber: string;
    }[];
  /** The card and its holder as the database holds them: no hire may have happened. */
  const untouched = async (app: TestApp, cardId: string, seekerId: string) => {
    const [card] = await app.ds.query('SELECT status FROM cards WHERE id = ?', [cardId]);
    const [seeker] = await app.ds.query('SELECT placed_at AS placedAt FROM seekers WHERE id = ?', [seekerId]);
    const [placements] = await app.ds.query('SELECT COUNT(*) AS n FROM placements WHERE seeker_id = ?', [seekerId]);
    return { card: card.status, placedAt: seeker.placedAt, placements: Number(placements.n) };
  };
  const expectRefusal = (
    res: { status: number; body: Record<string, unknown>; headers: Record<string, string> },
    code: string,
    maxRetryAfter: number,
  ) => {
    expect([res.status, res.body.code]).toEqual([429, code]);
    expect(Object.keys(res.body).sort()).toEqual(ERROR_KEYS);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
  };

  describe('the record of each check', () => {
    it('records every placement check in card_validations, channel PLACEMENT, with the result a validation would give', async () => {
      const e = await verifiedEmployer(t, officer);
      const hirer = await verifiedEmployer(t, officer);
      const active = await seekerWithActiveCard(t, officer);
      const revoked = await seekerWithActiveCard(t, officer);
      await t.http
        .post(`/api/v1/cards/${revoked.card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Data ganda' })
        .expect(200);
      const placed = await seekerWithActiveCard(t, officer);
      await place(t, hirer, placed.card.cardNumber, placed.seeker.nik).expect(201);
      const unknown = unknownNumber();

      // Wrong pair, unknown number, revoked, placed: the answers differ as before, and each is recorded.
      expect(
        (await place(t, e, active.card.cardNumber.replace(/-/g, ' '), otherNik(active.seeker.nik)).expect(404)).body
          .code,
      ).toBe('CARD_NOT_FOUND');
      expect((await place(t, e, unknown, active.seeker.nik).expect(404)).body.code).toBe('CARD_NOT_FOUND');
      expect((await place(t, e, revoked.card.cardNumber, revoked.seeker.nik).expect(422)).body.code).toBe(
        'AK1_NOT_ACTIVE',
      );
      expect((await place(t, e, placed.card.cardNumber, placed.seeker.nik).expect(409)).body.code).toBe(
        'SEEKER_ALREADY_PLACED',
      );
      // A typo in the check digit is refused before any lookup: no record.
      const typo = active.card.cardNumber.slice(0, -1) + String((Number(active.card.cardNumber.slice(-1)) + 1) % 10);
      expect((await place(t, e, typo, active.seeker.nik).expect(400)).body.code).toBe('INVALID_CARD_NUMBER');
      // The hire itself is recorded as the VALID check it made.
      await place(t, e, active.card.cardNumber, active.seeker.nik).expect(201);

      const rows = await records(t, e.employerId);
      const byResult = (a: { result: string; cardNumber: string }, b: { result: string; cardNumber: string }) =>
        a.result.localeCompare(b.result) || a.cardNumber.localeCompare(b.cardNumber);
      expect(rows.sort(byResult)).toEqual(
        [
          { channel: 'PLACEMENT', result: 'NOT_FOUND', cardId: null, cardNumber: active.card.cardNumber },
          { channel: 'PLACEMENT', result: 'NOT_FOUND', cardId: null, cardNumber: unknown },
          { channel: 'PLACEMENT', result: 'PLACED', cardId: placed.card.id, cardNumber: placed.card.cardNumber },
          { channel: 'PLACEMENT', result: 'REVOKED', cardId: revoked.card.id, cardNumber: revoked.card.cardNumber },
          { channel: 'PLACEMENT', result: 'VALID', cardId: active.card.id, cardNumber: active.card.cardNumber },
        ].sort(byResult),
      );
      // The employer sees them in its validation history, like its other checks.
      const history = await t.http.get('/api/v1/card-validations?pageSize=100').set(bearer(e)).expect(200);
      expect(history.body.total).toBe(5);
      expect(new Set(history.body.items.map((v: { channel: string }) => v.channel))).toEqual(new Set(['PLACEMENT']));
    });

    it('records an ACTIVE card past its expiry day as EXPIRED', async () => {
      const e = await verifiedEmployer(t, officer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      t.clock.set(`${card.expiresAt}T20:00:00Z`); // the next day in Asia/Jakarta, before the daily job has run
      expect((await place(t, e, card.cardNumber, seeker.nik).expect(422)).body.code).toBe('AK1_NOT_ACTIVE');
      expect(await records(t, e.employerId)).toEqual([
        { channel: 'PLACEMENT', result: 'EXPIRED', cardId: card.id, cardNumber: card.cardNumber },
      ]);
    });
  });

  describe('wrong NIKs for one card number', () => {
    it('after 5 within an hour, that employer’s further checks of that number answer 429 CARD_CHECK_LOCKED on both doors, before any lookup', async () => {
      const e = await verifiedEmployer(t, officer);
      const other = await verifiedEmployer(t, officer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const second = await seekerWithActiveCard(t, officer);
      await inOneWindow(3600, 20_000);

      // Five wrong NIKs, the number typed three ways: it is one number.
      const digits = card.cardNumber.replace(/-/g, '');
      await place(t, e, card.cardNumber, otherNik(seeker.nik)).expect(404);
      await place(t, e, digits, otherNik(seeker.nik)).expect(404);
      await place(t, e, card.cardNumber.replace(/-/g, '.'), otherNik(seeker.nik)).expect(404);
      expect(
        (await validate(t, e, card.cardNumber.replace(/-/g, ' '), otherNik(seeker.nik)).expect(200)).body.result,
      ).toBe('NOT_FOUND');
      expect((await validate(t, e, digits, otherNik(seeker.nik)).expect(200)).body.result).toBe('NOT_FOUND');

      // Now even the right NIK is refused, on both doors, and no hire is recorded.
      const lockedPlacement = await place(t, e, card.cardNumber, seeker.nik);
      expectRefusal(lockedPlacement, 'CARD_CHECK_LOCKED', 3600);
      expectRefusal(await validate(t, e, card.cardNumber, seeker.nik), 'CARD_CHECK_LOCKED', 3600);
      expectRefusal(await place(t, e, digits, seeker.nik), 'CARD_CHECK_LOCKED', 3600);
      expect(await untouched(t, card.id, seeker.seekerId)).toEqual({ card: 'ACTIVE', placedAt: null, placements: 0 });
      expect(JSON.stringify(lockedPlacement.body)).not.toMatch(/\d{6}/); // no number, NIK or holder data in the refusal
      // Refused checks are not recorded; the five answered ones are.
      expect((await records(t, e.employerId)).map((r) => r.result)).toEqual(Array(5).fill('NOT_FOUND'));

      // The lock is for this employer and this number only.
      expect((await validate(t, other, card.cardNumber, seeker.nik).expect(200)).body.result).toBe('VALID');
      expect((await validate(t, e, second.card.cardNumber, second.seeker.nik).expect(200)).body.result).toBe('VALID');
      // A scanned credential tests no NIK, so it is not locked: the holder can still prove the card.
      const { token } = (await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker)).expect(200)).body;
      expect(
        (await t.http.post('/api/v1/card-validations/credential').set(bearer(e)).send({ token }).expect(200)).body
          .result,
      ).toBe('VALID');
    });

    it('locks a number that no card carries exactly like an issued one, and counts only wrong NIKs', async () => {
      const e = await verifiedEmployer(t, officer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const unknown = unknownNumber();
      await inOneWindow(3600, 20_000);

      for (let i = 0; i < 5; i++) await validate(t, e, unknown, otherNik(seeker.nik)).expect(200);
      const lockedUnknown = await validate(t, e, unknown, seeker.nik);
      expectRefusal(lockedUnknown, 'CARD_CHECK_LOCKED', 3600);

      // Four wrong, then a right one (not counted), then the fifth wrong: still answered.
      for (let i = 0; i < 4; i++) await validate(t, e, card.cardNumber, otherNik(seeker.nik)).expect(200);
      expect((await validate(t, e, card.cardNumber, seeker.nik).expect(200)).body.result).toBe('VALID');
      expect((await place(t, e, card.cardNumber, otherNik(seeker.nik)).expect(404)).body.code).toBe('CARD_NOT_FOUND');
      const lockedIssued = await place(t, e, card.cardNumber, seeker.nik);
      expectRefusal(lockedIssued, 'CARD_CHECK_LOCKED', 3600);
      // Same refusal whether or not the number exists.
      expect(lockedIssued.body).toEqual(lockedUnknown.body);
      expect(await untouched(t, card.id, seeker.seekerId)).toEqual({ card: 'ACTIVE', placedAt: null, placements: 0 });
    });

    it('holds against concurrent guesses: of 20 fired at once, 5 are answered', async () => {
      const e = await verifiedEmployer(t, officer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      await inOneWindow(3600, 20_000);
      const replies = await Promise.all(
        Array.from({ length: 20 }, () => place(t, e, card.cardNumber, otherNik(seeker.nik))),
      );
      const codes = replies.map((r) => `${r.status} ${r.body.code}`).sort();
      expect(codes).toEqual([...Array(5).fill('404 CARD_NOT_FOUND'), ...Array(15).fill('429 CARD_CHECK_LOCKED')]);
      expect(await records(t, e.employerId)).toHaveLength(5);
      expectRefusal(await validate(t, e, card.cardNumber, seeker.nik), 'CARD_CHECK_LOCKED', 3600);
    });
  });

  describe('the per-employer validation limit', () => {
    let limited: TestApp;
    afterAll(() => limited?.close());

    it('counts placements: once the limit is spent, guesses answer 429 VALIDATION_RATE_LIMITED and the right one hires nobody', async () => {
      limited = await startApp({ VALIDATION_RATE_LIMIT: '3' });
      const o = await makeOfficer(limited);
      const busy = await verifiedEmployer(limited, o);
      const calm = await verifiedEmployer(limited, o);
      const checked = await seekerWithActiveCard(limited, o);
      const target = await seekerWithActiveCard(limited, o, {
        birthDate: '1990-03-04',
        gender: 'L',
        nik: nikFor('1990-03-04', 'L'),
      });
      await inOneWindow(60, 15_000);

      // Three checks spend the limit, whichever door they use.
      expect((await validate(limited, busy, checked.card.cardNumber, checked.seeker.nik).expect(200)).body.result).toBe(
        'VALID',
      );
      expect(
        (await place(limited, busy, checked.card.cardNumber, otherNik(checked.seeker.nik)).expect(404)).body.code,
      ).toBe('CARD_NOT_FOUND');
      expect((await place(limited, busy, unknownNumber(), checked.seeker.nik).expect(404)).body.code).toBe(
        'CARD_NOT_FOUND',
      );

      // The audit's attack: guesses of the target's NIK (the right one among them) through POST /placements.
      const guesses = Array.from({ length: 30 }, () => nikFor('1990-03-04', 'L'));
      guesses[17] = target.seeker.nik;
      for (const nik of guesses)
        expectRefusal(await place(limited, busy, target.card.cardNumber, nik), 'VALIDATION_RATE_LIMITED', 60);
      expect(await untouched(limited, target.card.id, target.seeker.seekerId)).toEqual({
        card: 'ACTIVE',
        placedAt: null,
        placements: 0,
      });
      // The budget is shared with card validation.
      expectRefusal(
        await validate(limited, busy, target.card.cardNumber, target.seeker.nik),
        'VALIDATION_RATE_LIMITED',
        60,
      );

      // Only the three answered checks are recorded; the limit is per employer.
      expect(await records(limited, busy.employerId)).toHaveLength(3);
      await place(limited, calm, target.card.cardNumber, target.seeker.nik).expect(201);
    });
  });
});
