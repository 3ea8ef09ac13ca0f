import { randomInt } from 'node:crypto';
import { composeCardNumber, groupCardNumber } from '../../src/cards/card-number';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';

/** Median of a list of numbers. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs two probes alternately (so drift in machine load hits both alike) and times each reply. */
async function timeAlternately<T>(tries: number, a: () => Promise<T>, b: () => Promise<T>) {
  const res = {
    a: [] as number[],
    b: [] as number[],
    lastA: undefined as T | undefined,
    lastB: undefined as T | undefined,
  };
  for (let i = 0; i < tries; i++) {
    for (const [side, probe] of (i % 2
      ? [
          ['b', b],
          ['a', a],
        ]
      : [
          ['a', a],
          ['b', b],
        ]) as ['a' | 'b', () => Promise<T>][]) {
      const start = process.hrtime.bigint();
      const reply = await probe();
      res[side].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (side === 'a') res.lastA = reply;
      else res.lastB = reply;
    }
  }
  return res;
}

/**
 * An attacker must not learn from the answer (or its timing) whether a card number exists when the
 * NIK is wrong, nor whether an email has an account.
 */
describe('security: enumeration', () => {
  let t: TestApp;
  let employer: Session;
  let card: { cardNumber: string };
  let holderNik: string;

  beforeAll(async () => {
    // Limits out of the way (the wrong-NIK lock would answer 429 after 5 tries): this measures the lookup.
    t = await startApp({
      VALIDATION_RATE_LIMIT: '1000000',
      CARD_MISMATCH_LIMIT: '1000000',
      LOGIN_FAILURE_LIMIT_PER_EMAIL: '100000',
      LOGIN_FAILURE_LIMIT_PER_ADDRESS: '100000',
    });
    const officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
    const held = await seekerWithActiveCard(t, officer, {
      birthDate: '1990-03-04',
      gender: 'L',
      nik: nikFor('1990-03-04', 'L'),
    });
    card = held.card;
    holderNik = held.seeker.nik;
  });
  afterAll(() => t.close());

  it('card validation: a wrong NIK and an unknown number answer alike, in like time', async () => {
    // A number with a correct check digit that no card carries (issue year 98 is never used by the tests).
    const unknownNumber = groupCardNumber(composeCardNumber('1671', 98, randomInt(1, 999_999)));
    let wrongNik = nikFor('1991-05-06', 'P');
    while (wrongNik === holderNik) wrongNik = nikFor('1991-05-06', 'P');
    const validate = (cardNumber: string, nik: string) => () =>
      t.http.post('/api/v1/card-validations').set(bearer(employer)).send({ cardNumber, nik });

    // Control: the right pair is found, so the two probes below really differ in what they hit.
    const right = await validate(card.cardNumber, holderNik)();
    expect(right.body.result).toBe('VALID');

    await timeAlternately(20, validate(card.cardNumber, wrongNik), validate(unknownNumber, wrongNik)); // warm-up
    const tries = 500;
    const r = await timeAlternately(tries, validate(card.cardNumber, wrongNik), validate(unknownNumber, wrongNik));
    const wrong = r.lastA!;
    const unknown = r.lastB!;
    expect([wrong.status, unknown.status]).toEqual([200, 200]);
    expect(Object.keys(wrong.body).sort()).toEqual(Object.keys(unknown.body).sort());
    const sameExceptEcho = (b: Record<string, unknown>) => ({ ...b, cardNumber: '<echo>', checkedAt: '<time>' });
    expect(sameExceptEcho(wrong.body)).toEqual(sameExceptEcho(unknown.body));
    expect(wrong.body).toMatchObject({ result: 'NOT_FOUND', valid: false, holderName: null, expiresAt: null });
    expect(wrong.body.cardNumber).toBe(card.cardNumber);
    expect(unknown.body.cardNumber).toBe(unknownNumber);
    expect(wrong.headers['content-length']).toBeDefined();

    const p50 = { wrongNik: median(r.a), unknownNumber: median(r.b) };
    const diff = Math.abs(p50.wrongNik - p50.unknownNumber);
    console.log(
      `[${ENGINE}] card validation over ${tries} tries each: p50 wrong NIK ${p50.wrongNik.toFixed(3)} ms, p50 unknown number ${p50.unknownNumber.toFixed(3)} ms, difference ${diff.toFixed(3)} ms`,
    );
    expect(diff).toBeLessThan(5);
  });

  it('login: an unknown email and a wrong password answer alike, in like time', async () => {
    const officer = await makeOfficer(t);
    const unknownEmail = `${uniq('nobody')}@disnaker.test`;
    const attempt = (email: string) => () =>
      t.http.post('/api/v1/auth/login').send({ email, password: 'wrong-password-123' });
    await timeAlternately(3, attempt(officer.email), attempt(unknownEmail)); // warm-up
    const tries = 50;
    const r = await timeAlternately(tries, attempt(officer.email), attempt(unknownEmail));
    expect([r.lastA!.status, r.lastB!.status]).toEqual([401, 401]);
    expect(r.lastA!.body).toEqual(r.lastB!.body);
    expect(r.lastA!.body.code).toBe('INVALID_CREDENTIALS');

    const p50 = { wrongPassword: median(r.a), unknownEmail: median(r.b) };
    const diff = Math.abs(p50.wrongPassword - p50.unknownEmail);
    console.log(
      `[${ENGINE}] login over ${tries} tries each: p50 wrong password ${p50.wrongPassword.toFixed(2)} ms, p50 unknown email ${p50.unknownEmail.toFixed(2)} ms, difference ${diff.toFixed(2)} ms`,
    );
    // argon2 dominates both (tens of ms): a skipped hash would show as a difference of about the whole
    // median, far above this bound, which leaves room for noise on a busy machine.
    expect(diff).toBeLessThan(Math.max(15, 0.4 * Math.max(p50.wrongPassword, p50.unknownEmail)));
  });

  it('registration does not tell which NIK is registered beyond the documented DUPLICATE_NIK (officer-only detail stays out)', async () => {
    // The contract answers a registered NIK with 409 DUPLICATE_NIK; the reply must not say whose it is.
    const res = await t.http
      .post('/api/v1/auth/register/seeker')
      .send({
        email: `${uniq('dup')}@mail.test`,
        password: 'correct-horse-battery',
        nik: holderNik,
        fullName: 'Orang Lain',
        birthPlace: 'Palembang',
        birthDate: '1990-03-04',
        gender: 'L',
        address: 'Jl. Uji No. 1, Palembang',
        educationLevel: 'SMA',
      })
      .expect(409);
    expect(res.body.code).toBe('DUPLICATE_NIK');
    expect(res.text).not.toContain(holderNik);
    expect(res.text).not.toMatch(/Budi|Santoso|seekerId|cardNumber/);
  });
});
