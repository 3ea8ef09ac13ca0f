import { CardValidation } from '../../src/card-validation/card-validation.entity';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { Placement } from '../../src/placements/placement.entity';
import { VacancyOutcome } from '../../src/vacancies/vacancy-outcome.entity';
import { Vacancy } from '../../src/vacancies/vacancy.entity';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  login,
  makeOfficer,
  PASSWORD,
  postVacancy,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';

interface InboxEntry {
  kind: string;
  title: string;
  body: string;
  link: string;
}

/**
 * A closed vacancy's outcome (issue 17): the employer is asked who it hired (VACANCY_OUTCOME) when a
 * vacancy closes or expires with positions unfilled, and says so with `POST /vacancies/:id/outcome` — each
 * hire a direct placement of that vacancy, with every rule of `POST /placements`.
 */
describe(`vacancy outcome on ${ENGINE}`, () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const V = '/api/v1/vacancies';
  const close = (id: string, who: Session = employer) =>
    t.http.post(`${V}/${id}/close`).set(bearer(who)).send({}).expect(200);
  const outcome = (id: string, body: object, who: Session = employer) =>
    t.http.post(`${V}/${id}/outcome`).set(bearer(who)).send(body);
  const inbox = async (s: Session): Promise<InboxEntry[]> =>
    (await t.http.get('/api/v1/notifications?pageSize=100').set(bearer(s)).expect(200)).body.items;
  const asked = async (s: Session, vacancyId: string) =>
    (await inbox(s)).filter(
      (n) => n.kind === 'VACANCY_OUTCOME' && n.link.endsWith(`/perusahaan/lowongan/${vacancyId}/hasil`),
    );
  const told = async (vacancyId: string): Promise<number> =>
    Number(
      (
        await t.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE kind = ? AND subject = ?', [
          'VACANCY_OUTCOME',
          `vacancy:${vacancyId}:outcome`,
        ])
      )[0].n,
    );

  it("the hidden client: closes a vacancy with a position unfilled, records the outcome with a card number and NIK, finds the card PLACED and the vacancy's filled counting it", async () => {
    const vacancy = await postVacancy(t, employer, { quota: 2, title: `Operator ${uniq('')}` });
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    await close(vacancy.id);

    const start = t.clock.today();
    const res = await outcome(vacancy.id, {
      hires: [{ cardNumber: card.cardNumber, nik: seeker.nik, startDate: start }],
      unfilledReason: 'HIRED_WITHOUT_AK1',
      note: 'Satu posisi diisi pekerja tanpa kartu.',
    }).expect(200);
    expect(res.body).toMatchObject({
      vacancyId: vacancy.id,
      positions: 2,
      filled: 1,
      unfilledReason: 'HIRED_WITHOUT_AK1',
      note: 'Satu posisi diisi pekerja tanpa kartu.',
      hires: [
        {
          seekerId: seeker.seekerId,
          employerId: employer.employerId,
          vacancyId: vacancy.id,
          cardNumber: card.cardNumber,
          startDate: start,
          position: vacancy.title,
          source: 'EMPLOYER',
        },
      ],
    });

    // The card is PLACED, the vacancy counts the hire and stays CLOSED.
    const cards = (await t.http.get('/api/v1/cards/me').set(bearer(seeker)).expect(200)).body;
    expect(cards.current).toBeNull();
    expect(cards.history[0]).toMatchObject({ id: card.id, status: 'PLACED' });
    const v = (await t.http.get(`${V}/${vacancy.id}`).set(bearer(employer)).expect(200)).body;
    expect(v).toMatchObject({ status: 'CLOSED', filled: 1, remaining: 1 });
    // Every record of a direct placement: the card check recorded, CARD_PLACED told, the statistics' flow.
    const checks = await t.ds.getRepository(CardValidation).findBy({ cardId: card.id, channel: 'PLACEMENT' });
    expect(checks).toHaveLength(1);
    expect(checks[0].result).toBe('VALID');
    expect((await inbox(seeker)).map((n) => n.kind)).toContain('CARD_PLACED');
    const flows = await t.ds.query('SELECT kind FROM labour_events WHERE ref_id = ? ORDER BY kind', [card.id]);
    expect(flows.map((f: { kind: string }) => f.kind)).toEqual(['PLACED', 'REGISTERED']);

    // GET: the outcome, with every placement of the vacancy; officers read it too.
    const got = (await t.http.get(`${V}/${vacancy.id}/outcome`).set(bearer(employer)).expect(200)).body;
    expect(got).toMatchObject({ vacancyId: vacancy.id, positions: 2, filled: 1, unfilledReason: 'HIRED_WITHOUT_AK1' });
    expect(got.hires.map((h: { id: string }) => h.id)).toEqual([res.body.hires[0].id]);
    await t.http.get(`${V}/${vacancy.id}/outcome`).set(bearer(officer)).expect(200);
    const audit = await t.ds
      .getRepository(AuditEvent)
      .findBy({ entityId: vacancy.id, action: 'vacancy.outcome-recorded' });
    expect(audit).toHaveLength(1);
  });

  it('a second call adds hires until filled (the reason then clears) and may change the reason', async () => {
    const vacancy = await postVacancy(t, employer, { quota: 3 });
    const a = await walkInSeekerWithCard(t, officer);
    const b = await walkInSeekerWithCard(t, officer);
    await close(vacancy.id);
    await t.http.get(`${V}/${vacancy.id}/outcome`).set(bearer(employer)).expect(404);
    const start = t.clock.today();

    // Positions stay unfilled and no reason is given: refused, nothing recorded.
    const missing = await outcome(vacancy.id, {
      hires: [{ cardNumber: a.card.cardNumber, nik: a.nik, startDate: start }],
    }).expect(422);
    expect(missing.body.code).toBe('UNFILLED_REASON_REQUIRED');
    expect(await t.ds.getRepository(Placement).countBy({ vacancyId: vacancy.id })).toBe(0);

    const first = await outcome(vacancy.id, { hires: [], unfilledReason: 'NO_SUITABLE_APPLICANT' }).expect(200);
    expect(first.body).toMatchObject({ filled: 0, unfilledReason: 'NO_SUITABLE_APPLICANT', note: null, hires: [] });
    const second = await outcome(vacancy.id, {
      hires: [{ cardNumber: a.card.cardNumber, nik: a.nik, startDate: start, position: 'Staf gudang' }],
      unfilledReason: 'OTHER',
      note: 'Satu lagi menyusul.',
    }).expect(200);
    expect(second.body).toMatchObject({ filled: 1, unfilledReason: 'OTHER', note: 'Satu lagi menyusul.' });
    expect(second.body.hires).toHaveLength(1);
    expect(second.body.hires[0].position).toBe('Staf gudang');
    expect(second.body.recordedAt).toBe(first.body.recordedAt);

    // The last two positions: one more hire leaves one; the reason on record is kept when omitted.
    const third = await outcome(vacancy.id, {
      hires: [{ cardNumber: b.card.cardNumber, nik: b.nik, startDate: start }],
    }).expect(200);
    expect(third.body).toMatchObject({ filled: 2, unfilledReason: 'OTHER', note: 'Satu lagi menyusul.' });
    const row = await t.ds.getRepository(VacancyOutcome).findOneByOrFail({ vacancyId: vacancy.id });
    expect(row).toMatchObject({ employerId: employer.employerId, unfilledReason: 'OTHER' });
    const got = (await t.http.get(`${V}/${vacancy.id}/outcome`).set(bearer(employer)).expect(200)).body;
    expect(got.hires).toHaveLength(2);
  });

  it('every position filled by the hires: no reason needed, none kept', async () => {
    const vacancy = await postVacancy(t, employer, { quota: 1 });
    const a = await walkInSeekerWithCard(t, officer);
    await close(vacancy.id);
    const res = await outcome(vacancy.id, {
      hires: [{ cardNumber: a.card.cardNumber, nik: a.nik, startDate: t.clock.today() }],
      unfilledReason: 'CANCELLED',
    }).expect(200);
    expect(res.body).toMatchObject({ positions: 1, filled: 1, unfilledReason: null });
    // Nothing left: a further hire is one too many.
    const b = await walkInSeekerWithCard(t, officer);
    const more = await outcome(vacancy.id, {
      hires: [{ cardNumber: b.card.cardNumber, nik: b.nik, startDate: t.clock.today() }],
    }).expect(422);
    expect(more.body.code).toBe('TOO_MANY_HIRES');
  });

  it('refusals: open 409, too many hires 422, the wrong NIK as a direct placement, another employer 404, an officer 403', async () => {
    const vacancy = await postVacancy(t, employer, { quota: 2 });
    const a = await walkInSeekerWithCard(t, officer);
    const b = await walkInSeekerWithCard(t, officer);
    const c = await walkInSeekerWithCard(t, officer);
    const start = t.clock.today();
    const hire = (s: { nik: string; card: { cardNumber: string } }) => ({
      cardNumber: s.card.cardNumber,
      nik: s.nik,
      startDate: start,
    });

    const open = await outcome(vacancy.id, { hires: [hire(a)], unfilledReason: 'OTHER' }).expect(409);
    expect(open.body.code).toBe('VACANCY_STILL_OPEN');
    await close(vacancy.id);

    const tooMany = await outcome(vacancy.id, { hires: [hire(a), hire(b), hire(c)] }).expect(422);
    expect(tooMany.body.code).toBe('TOO_MANY_HIRES');

    // The second hire's NIK is not its card's: the direct placement's answer, naming the hire; nothing recorded.
    const wrong = await outcome(vacancy.id, {
      hires: [hire(a), { ...hire(b), nik: c.nik }],
      unfilledReason: 'OTHER',
    }).expect(404);
    expect(wrong.body.code).toBe('CARD_NOT_FOUND');
    expect(wrong.body.details).toEqual([{ field: 'hires.1', messages: [expect.any(String)] }]);
    expect(await t.ds.getRepository(Placement).countBy({ vacancyId: vacancy.id })).toBe(0);
    expect((await t.ds.getRepository(Vacancy).findOneByOrFail({ id: vacancy.id })).filled).toBe(0);
    // Both checks were recorded, as direct placements record them: the first found, the second not.
    const recorded = await t.ds
      .getRepository(CardValidation)
      .findBy({ employerId: employer.employerId, channel: 'PLACEMENT' });
    expect(recorded.filter((r) => r.cardId === a.card.id).map((r) => r.result)).toContain('VALID');
    expect(recorded.filter((r) => r.cardNumber === b.card.cardNumber).map((r) => r.result)).toContain('NOT_FOUND');

    // A malformed body: 400 with the field named per hire.
    const bad = await outcome(vacancy.id, {
      hires: [{ cardNumber: a.card.cardNumber, nik: a.nik, startDate: 'x' }],
      unfilledReason: 'LAZY',
    }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'hires.0.startDate',
      'unfilledReason',
    ]);

    const other = await verifiedEmployer(t, officer);
    expect((await outcome(vacancy.id, { hires: [], unfilledReason: 'OTHER' }, other).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await t.http.get(`${V}/${vacancy.id}/outcome`).set(bearer(other)).expect(404);
    await outcome(vacancy.id, { hires: [], unfilledReason: 'OTHER' }, officer).expect(403);

    // A card already placed: the direct placement's answer.
    const placed = await outcome(vacancy.id, { hires: [hire(a)], unfilledReason: 'OTHER' }).expect(200);
    expect(placed.body.filled).toBe(1);
    const again = await outcome(vacancy.id, { hires: [hire(a)], unfilledReason: 'OTHER' }).expect(409);
    expect(again.body.code).toBe('SEEKER_ALREADY_PLACED');
  });

  it('VACANCY_OUTCOME: every staff member, once, when a vacancy closes by hand with positions unfilled; not when it fills', async () => {
    const email = `${uniq('hr')}@company.test`;
    const boss = await verifiedEmployer(t, officer);
    await t.http
      .post('/api/v1/employers/me/staff')
      .set(bearer(boss))
      .send({ email, password: PASSWORD, fullName: 'Staf HR Kedua' })
      .expect(201);
    const colleague = await login(t, email);
    const unfilled = await postVacancy(t, boss, { quota: 2, title: 'Juru masak' });
    const filled = await postVacancy(t, boss, { quota: 1 });
    const draft = await postVacancy(t, boss, { status: 'DRAFT' });
    const a = await walkInSeekerWithCard(t, officer);
    await t.http
      .post('/api/v1/placements')
      .set(bearer(boss))
      .send({
        cardNumber: a.card.cardNumber,
        nik: a.nik,
        startDate: t.clock.today(),
        position: 'Kasir',
        vacancyId: filled.id,
      })
      .expect(201);
    expect((await t.http.get(`${V}/${filled.id}`).set(bearer(boss)).expect(200)).body.status).toBe('FILLED');
    expect(await told(unfilled.id)).toBe(0);

    await close(unfilled.id, officer); // an officer's close asks the employer too
    await close(draft.id, boss);
    for (const staff of [boss, colleague]) {
      const [message] = await asked(staff, unfilled.id);
      expect(message).toMatchObject({ title: 'Siapa yang Anda terima?' });
      expect(message.body).toContain('Juru masak');
      expect(message.body).toContain('0 dari 2');
    }
    expect(await told(unfilled.id)).toBe(2);
    expect(await told(filled.id)).toBe(0);
    expect(await told(draft.id)).toBe(0);
    // Recording the outcome tells nobody again.
    await outcome(unfilled.id, { hires: [], unfilledReason: 'CANCELLED' }, colleague).expect(200);
    expect(await told(unfilled.id)).toBe(2);
  });

  it('VACANCY_OUTCOME after the daily job expires a vacancy with positions unfilled, once', async () => {
    const boss = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, boss, { quota: 2 });
    const closesAt = vacancy.closesAt as string;
    const days = Math.round((Date.parse(closesAt) - Date.parse(t.clock.today())) / 86_400_000) + 1;
    t.clock.advanceDays(days);
    try {
      await t.app.get(DailyJobs).runAll();
      expect((await t.http.get(`${V}/${vacancy.id}`).set(bearer(boss)).expect(200)).body).toMatchObject({
        status: 'CLOSED',
        closedReason: 'EXPIRED',
      });
      expect(await asked(boss, vacancy.id)).toHaveLength(1);
      await t.app.get(DailyJobs).runAll();
      expect(await told(vacancy.id)).toBe(1);
      // An expired vacancy takes its outcome like a closed one.
      const a = await walkInSeekerWithCard(t, officer);
      const res = await outcome(
        vacancy.id,
        { hires: [{ cardNumber: a.card.cardNumber, nik: a.nik, startDate: t.clock.today() }], unfilledReason: 'OTHER' },
        boss,
      ).expect(200);
      expect(res.body).toMatchObject({ filled: 1, positions: 2 });
    } finally {
      t.clock.reset();
    }
  });

  it('a race of two outcome calls for the last position: one wins, the vacancy never goes past its quota', async () => {
    const rounds = ENGINE === 'mysql' ? 10 : 3;
    for (let round = 0; round < rounds; round++) {
      const vacancy = await postVacancy(t, employer, { quota: 1 });
      const a = await walkInSeekerWithCard(t, officer);
      const b = await walkInSeekerWithCard(t, officer);
      await close(vacancy.id);
      const start = t.clock.today();
      const replies = await Promise.all(
        [a, b].map((s) =>
          outcome(vacancy.id, { hires: [{ cardNumber: s.card.cardNumber, nik: s.nik, startDate: start }] }),
        ),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 422]);
      expect(replies.find((r) => r.status === 422)!.body.code).toBe('TOO_MANY_HIRES');
      const v = await t.ds.getRepository(Vacancy).findOneByOrFail({ id: vacancy.id });
      expect(v).toMatchObject({ status: 'CLOSED', filled: 1, quota: 1 });
      expect(await t.ds.getRepository(Placement).countBy({ vacancyId: vacancy.id })).toBe(1);
      // The loser's card stayed ACTIVE.
      const cards = await t.ds.query('SELECT status FROM cards WHERE id IN (?, ?) ORDER BY status', [
        a.card.id,
        b.card.id,
      ]);
      expect(cards.map((c: { status: string }) => c.status)).toEqual(['ACTIVE', 'PLACED']);
    }
  });
});
