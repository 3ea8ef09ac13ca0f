import { Reminders } from '../../src/notifications/reminders';
import { browser, signIn, textOf } from '../console/support';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  postVacancy,
  provinceWithTwoCities,
  registerEmployer,
  registerSeeker,
  type EmployerSession,
  type SeekerSession,
  type Session,
} from '../support/factories';

/** 10:00 in Jakarta on that calendar date. */
const at = (date: string) => `${date}T03:00:00.000Z`;

interface IssuedCard {
  id: string;
  cardNumber: string;
  nextReportDue: string;
}

/**
 * Issue 20: the per-office overdue rule, wherever "overdue" is decided (decisions 105–106), and rows that
 * follow a changed domicile (decision 107). A province `16` with Kota Palembang (`1671`, 7 days of grace)
 * and Kota Pagar Alam (`1672`, 2 days): on the boundary days every reader — the card, the list filter,
 * the employer's check, the applicant's card, the monitoring count per office and aggregated, and the
 * reminder — says the same thing of the same card.
 */
describe(`the overdue rule per office (${ENGINE})`, () => {
  let t: TestApp;
  let province: Session;
  let cityA: Session;
  let cityB: Session;
  let office: { province: string; a: string; b: string };
  let employerA: EmployerSession;
  let vacancyA: { id: string };
  let seekerA: SeekerSession;
  let seekerB: SeekerSession;
  let cardA: IssuedCard;
  let cardB: IssuedCard;
  const A = { kecamatanCode: '16.71.01' };
  const B = { kecamatanCode: '16.72.01' };

  const grace = async (who: Session, officeId: string, graceDays: number) =>
    t.http
      .patch(`/api/v1/offices/${officeId}/settings`)
      .set(bearer(who))
      .send({ overdueRule: { graceDays } })
      .expect(200);
  const cardWith = async (seeker: Session, officer: Session): Promise<IssuedCard> => {
    const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    return (await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200)).body;
  };
  const officeIdOf = async (table: string, id: string) =>
    ((await t.ds.query(`SELECT office_id AS officeId FROM ${table} WHERE id = ?`, [id])) as { officeId: string }[])[0]
      ?.officeId;

  /** What every reader says of a card today: view, list filter (both ways), check, applicant's card. */
  const readers = async (card: IssuedCard, seeker: SeekerSession, officer: Session) => {
    const view = (await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(officer)).expect(200)).body.reportOverdue;
    const listed = async (flag: 'true' | 'false') =>
      (
        (
          await t.http
            .get('/api/v1/cards')
            .query({ reportOverdue: flag, q: card.cardNumber })
            .set(bearer(province))
            .expect(200)
        ).body.items as { id: string; reportOverdue: boolean }[]
      ).some((c) => c.id === card.id);
    const inTrue = await listed('true');
    const inFalse = await listed('false');
    const check = await t.http
      .post('/api/v1/card-validations')
      .set(bearer(employerA))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik })
      .expect(200);
    const applicants = (
      await t.http.get(`/api/v1/vacancies/${vacancyA.id}/applications`).set(bearer(employerA)).expect(200)
    ).body.items as { applicant: { seekerId: string }; card: { reportOverdue: boolean } | null }[];
    const applicant = applicants.find((a) => a.applicant.seekerId === seeker.seekerId)!.card!.reportOverdue;
    // The list filter's two halves never both hold, nor both miss, an active card.
    expect(inTrue).toBe(!inFalse);
    return { view, list: inTrue, check: check.body.reportOverdue as boolean, applicant };
  };
  const overdueCount = async (query: Record<string, string>) =>
    (await t.http.get('/api/v1/monitoring/summary').query(query).set(bearer(province)).expect(200)).body.cards
      .reportOverdue as number;

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' }, [], {
      freshDatabase: true,
    });
    t.clock.set(at('2031-01-10'));
    ({ province, cityA, cityB, office } = await provinceWithTwoCities(t));
    // Each city sets its own grace (a city officer sets its own office's).
    await grace(cityA, office.a, 7);
    await grace(cityB, office.b, 2);

    employerA = await registerEmployer(t, A);
    await t.http.post(`/api/v1/employers/${employerA.employerId}/verify`).set(bearer(cityA)).expect(200);
    seekerA = await registerSeeker(t, A);
    seekerB = await registerSeeker(t, B);
    cardA = await cardWith(seekerA, cityA);
    cardB = await cardWith(seekerB, cityB);
    expect([cardA.nextReportDue, cardB.nextReportDue]).toEqual(['2031-07-10', '2031-07-10']);
    vacancyA = await postVacancy(t, employerA, { ...A, closesAt: '2031-12-31' });
    for (const s of [seekerA, seekerB])
      await t.http.post(`/api/v1/vacancies/${vacancyA.id}/applications`).set(bearer(s)).send({}).expect(201);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  it('the settings say each office grace, in force', async () => {
    const a = await t.http.get(`/api/v1/offices/${office.a}/settings`).set(bearer(cityA)).expect(200);
    expect(a.body.effective.overdueRule).toEqual({ graceDays: 7 });
    const root = await t.http.get(`/api/v1/offices/${office.province}/settings`).set(bearer(province)).expect(200);
    expect(root.body.effective.overdueRule).toEqual({ graceDays: 0 });
  });

  it('every reader agrees on the boundary days: due + grace is not overdue, due + grace + 1 is', async () => {
    const none = { view: false, list: false, check: false, applicant: false };
    const all = { view: true, list: true, check: true, applicant: true };
    // Due 2031-07-10. Pagar Alam (2 days): 07-12 not yet, 07-13 overdue. Palembang (7 days): 07-17 / 07-18.
    const days: [string, boolean, boolean, number, number][] = [
      ['2031-07-10', false, false, 0, 0],
      ['2031-07-11', false, false, 0, 0], // the day after the due date: overdue by the old rule, not here
      ['2031-07-12', false, false, 0, 0],
      ['2031-07-13', false, true, 0, 1],
      ['2031-07-17', false, true, 0, 1],
      ['2031-07-18', true, true, 1, 1],
    ];
    for (const [day, aOverdue, bOverdue, countA, countB] of days) {
      t.clock.set(at(day));
      expect([day, await readers(cardA, seekerA, cityA)]).toEqual([day, aOverdue ? all : none]);
      expect([day, await readers(cardB, seekerB, cityB)]).toEqual([day, bOverdue ? all : none]);
      // Monitoring: per office, and the province's aggregate is the sum of its offices.
      const [inA, inB, own] = [
        await overdueCount({ officeId: office.a }),
        await overdueCount({ officeId: office.b }),
        await overdueCount({ officeId: office.province }),
      ];
      expect([day, inA, inB, own]).toEqual([day, countA, countB, 0]);
      expect(await overdueCount({ officeId: office.province, scope: 'aggregate' })).toBe(inA + inB + own);
    }
    // The holder's own card (GET /cards/me) says the same.
    t.clock.set(at('2031-07-17'));
    const mine = async (s: Session) =>
      (await t.http.get('/api/v1/cards/me').set(bearer(s)).expect(200)).body.current.reportOverdue as boolean;
    expect([await mine(seekerA), await mine(seekerB)]).toEqual([false, true]);
  });

  it('the console shows each office grace and marks the card by its rule', async () => {
    const desk = browser(t);
    t.clock.set(at('2031-07-17'));
    await signIn(desk, province.email);
    const settings = textOf((await desk.get(`/petugas/kantor/${office.a}/pengaturan`).expect(200)).text);
    expect(settings).toContain('Masa tenggang lapor: 7 hari');
    const page = async (card: IssuedCard) => textOf((await desk.get(`/petugas/kartu/${card.id}`).expect(200)).text);
    // Palembang's card is within its 7 days; Pagar Alam's 2 days have run out.
    expect(await page(cardA)).not.toContain('Terlambat lapor');
    expect(await page(cardB)).toContain('Terlambat lapor');
    const register = textOf((await desk.get('/petugas/kartu?reportOverdue=true').expect(200)).text);
    expect(register).toContain(cardB.cardNumber);
    expect(register).not.toContain(cardA.cardNumber);
    t.clock.set(at('2031-07-18'));
    await signIn(desk, province.email); // a day later: the console session has ended
    expect(await page(cardA)).toContain('Terlambat lapor');
  });

  it('a changed grace applies at once on this instance; removing it brings back the day-after rule', async () => {
    t.clock.set(at('2031-07-12'));
    expect((await readers(cardA, seekerA, cityA)).view).toBe(false);
    await grace(province, office.a, 0); // the province may set a city's settings
    expect(await readers(cardA, seekerA, cityA)).toEqual({ view: true, list: true, check: true, applicant: true });
    await t.http
      .patch(`/api/v1/offices/${office.a}/settings`)
      .set(bearer(cityA))
      .send({ overdueRule: null })
      .expect(200);
    expect((await readers(cardA, seekerA, cityA)).view).toBe(true);
    await grace(cityA, office.a, 7);
    expect((await readers(cardA, seekerA, cityA)).view).toBe(false);
    // Hostile values stay 400s in the contract's shape.
    for (const graceDays of [-1, 61, 1.5, '7', null]) {
      const res = await t.http
        .patch(`/api/v1/offices/${office.a}/settings`)
        .set(bearer(cityA))
        .send({ overdueRule: { graceDays } });
      expect([graceDays, res.status, res.body.code]).toEqual([graceDays, 400, 'VALIDATION_FAILED']);
    }
  });

  it('the reminder is sent when the grace has run out, once, per office', async () => {
    const reminders = t.app.get(Reminders);
    const told = async (s: SeekerSession, card: IssuedCard) =>
      Number(
        (
          await t.ds.query(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND kind = 'CARD_REPORT_OVERDUE' AND subject = ?",
            [s.userId, `card:${card.id}:2031-07-10`],
          )
        )[0].n,
      );
    const onDay = async (day: string) => {
      t.clock.set(at(day));
      return (await reminders.sendDue(new Date(at(day)))).reportOverdue;
    };
    expect(await onDay('2031-07-12')).toBe(0);
    expect([await told(seekerA, cardA), await told(seekerB, cardB)]).toEqual([0, 0]);
    expect(await onDay('2031-07-13')).toBe(1); // Pagar Alam's grace has run out
    expect(await onDay('2031-07-13')).toBe(0); // a re-run sends nothing
    expect([await told(seekerA, cardA), await told(seekerB, cardB)]).toEqual([0, 1]);
    expect(await onDay('2031-07-17')).toBe(0);
    expect(await told(seekerA, cardA)).toBe(0);
    expect(await onDay('2031-07-18')).toBe(1); // Palembang's
    expect(await onDay('2031-07-25')).toBe(0);
    expect([await told(seekerA, cardA), await told(seekerB, cardB)]).toEqual([1, 1]);
  });

  it('rows follow a changed domicile; cards and vacancies keep their office; city A then reads 404', async () => {
    t.clock.set(at('2031-08-01'));
    // A seeker of Palembang moves to Pagar Alam.
    const before = await t.http.get(`/api/v1/seekers/${seekerA.seekerId}`).set(bearer(cityA)).expect(200);
    expect(before.body.kecamatanCode).toBe('16.71.01');
    await t.http.patch('/api/v1/seekers/me').set(bearer(seekerA)).send(B).expect(200);
    expect(await officeIdOf('seekers', seekerA.seekerId)).toBe(office.b);
    await t.http.get(`/api/v1/seekers/${seekerA.seekerId}`).set(bearer(cityA)).expect(404);
    await t.http.get(`/api/v1/seekers/${seekerA.seekerId}`).set(bearer(cityB)).expect(200);
    // The card Palembang issued keeps its office, number and rule (7 days).
    expect(await officeIdOf('cards', cardA.id)).toBe(office.a);
    const card = await t.http.get(`/api/v1/cards/${cardA.id}`).set(bearer(cityA)).expect(200);
    expect(card.body.cardNumber).toBe(cardA.cardNumber);
    await t.http.get(`/api/v1/cards/${cardA.id}`).set(bearer(cityB)).expect(404);
    const moves = async (id: string, action: string) =>
      (await t.ds.query(
        'SELECT before_state AS b, after_state AS a FROM audit_events WHERE entity_id = ? AND action = ? ORDER BY occurred_at',
        [id, action],
      )) as { b: string; a: string }[];
    const seekerMoves = await moves(seekerA.seekerId, 'seeker.moved');
    expect(seekerMoves).toHaveLength(1);
    expect(JSON.parse(seekerMoves[0].b)).toEqual({ officeId: office.a });
    expect(JSON.parse(seekerMoves[0].a)).toEqual({ officeId: office.b });
    // The same kecamatan again, or other fields: no move. A regencyCode says the place without a kecamatan.
    await t.http
      .patch('/api/v1/seekers/me')
      .set(bearer(seekerA))
      .send({ ...B, phone: '0812-1111-2222' })
      .expect(200);
    expect(await moves(seekerA.seekerId, 'seeker.moved')).toHaveLength(1);
    await t.http.patch('/api/v1/seekers/me').set(bearer(seekerA)).send({ regencyCode: '1671' }).expect(200);
    expect(await officeIdOf('seekers', seekerA.seekerId)).toBe(office.a);
    expect(await moves(seekerA.seekerId, 'seeker.moved')).toHaveLength(2);
    // Clearing the kecamatan names no new place: the office stays.
    await t.http.patch('/api/v1/seekers/me').set(bearer(seekerA)).send({ kecamatanCode: null }).expect(200);
    expect(await officeIdOf('seekers', seekerA.seekerId)).toBe(office.a);
    const bad = await t.http.patch('/api/v1/seekers/me').set(bearer(seekerA)).send({ regencyCode: '16.72' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    // An officer of Palembang changes a company's address to Pagar Alam: the company leaves Palembang.
    const moved = await t.http
      .patch(`/api/v1/employers/${employerA.employerId}`)
      .set(bearer(cityA))
      .send({ address: 'Jl. Kapten Sanap No. 9, Pagar Alam', ...B })
      .expect(200);
    expect(moved.body).toMatchObject({ kecamatanCode: '16.72.01', address: 'Jl. Kapten Sanap No. 9, Pagar Alam' });
    expect(await officeIdOf('employers', employerA.employerId)).toBe(office.b);
    await t.http.get(`/api/v1/employers/${employerA.employerId}`).set(bearer(cityA)).expect(404);
    await t.http.get(`/api/v1/employers/${employerA.employerId}`).set(bearer(cityB)).expect(200);
    // …and Palembang can no longer change it (404, like another tenant's).
    await t.http
      .patch(`/api/v1/employers/${employerA.employerId}`)
      .set(bearer(cityA))
      .send({ kind: 'BUMN' })
      .expect(404);
    // Its vacancy stays with its work place's office.
    expect(await officeIdOf('vacancies', vacancyA.id)).toBe(office.a);
    const employerMoves = await moves(employerA.employerId, 'employer.moved');
    expect(employerMoves.map((e) => [JSON.parse(e.b), JSON.parse(e.a)])).toEqual([
      [{ officeId: office.a }, { officeId: office.b }],
    ]);
    // Its own staff change the address back by regency; an empty body and a malformed code are 400s.
    await t.http
      .patch(`/api/v1/employers/${employerA.employerId}`)
      .set(bearer(employerA))
      .send({ regencyCode: '1671' })
      .expect(200);
    expect(await officeIdOf('employers', employerA.employerId)).toBe(office.a);
    for (const body of [{}, { regencyCode: 'abcd' }, { kecamatanCode: '99.99.99' }, { address: 'x' }]) {
      const res = await t.http.patch(`/api/v1/employers/${employerA.employerId}`).set(bearer(employerA)).send(body);
      expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
    }
  });
});
