import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { addDays } from '../../src/common/dates';
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
  type Session,
} from '../support/factories';

interface InboxEntry {
  kind: string;
  title: string;
  body: string;
  link: string;
}

/** 10:00 in Jakarta on that calendar date. */
const at = (date: string) => `${date}T03:00:00.000Z`;

/**
 * The daily job's reminders: each sent once per card or vacancy and date — on the first day of its
 * window, or on a later day of it when the job did not run — however often the job runs, also two runs at
 * once. Each test lives in its own years of the test clock, on a database of its own.
 */
describe(`reminders from the daily job (${ENGINE})`, () => {
  let t: TestApp;
  let officer: Session;
  let jobs: DailyJobs;

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    officer = await makeOfficer(t);
    jobs = t.app.get(DailyJobs);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const inbox = async (s: Session): Promise<InboxEntry[]> =>
    (await t.http.get('/api/v1/notifications?pageSize=100').set(bearer(s)).expect(200)).body.items;
  const ofKind = async (s: Session, kind: string) => (await inbox(s)).filter((n) => n.kind === kind);
  const count = async (kind: string, subject: string): Promise<number> =>
    Number(
      (await t.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE kind = ? AND subject = ?', [kind, subject]))[0]
        .n,
    );
  /** Runs the whole daily job on the clock's day (as `npm run jobs:daily` does), failing on a failed task. */
  const runJob = async () => {
    const report = await jobs.runAll();
    for (const [task, r] of Object.entries(report)) expect([task, r]).not.toEqual([task, { error: expect.anything() }]);
    return report;
  };
  const onDay = async (date: string) => {
    t.clock.set(at(date));
    return runJob();
  };

  it('CARD_REPORT_DUE 14 days before, CARD_REPORT_OVERDUE after it passed, CARD_EXPIRING 30 days before the expiry', async () => {
    t.clock.set(at('2031-03-01'));
    const a = await seekerWithActiveCard(t, officer);
    expect(a.card.nextReportDue).toBe('2031-09-01');
    const walkIn = await walkInSeekerWithCard(t, officer); // no login: never told, never in the way
    t.clock.set(at('2031-03-05'));
    const b = await seekerWithActiveCard(t, officer);
    expect(b.card.nextReportDue).toBe('2031-09-05');

    // The day before the window: nothing.
    await onDay('2031-08-17');
    expect(await ofKind(a.seeker, 'CARD_REPORT_DUE')).toHaveLength(0);
    // The first day of A's window, run twice: one reminder, naming the card and the date.
    const report = await onDay('2031-08-18');
    expect(report['send-reminders']).toMatchObject({ reportDue: 1 });
    await runJob();
    const [due] = await ofKind(a.seeker, 'CARD_REPORT_DUE');
    expect(await ofKind(a.seeker, 'CARD_REPORT_DUE')).toHaveLength(1);
    expect(due.body).toContain(a.card.cardNumber);
    expect(due.title.length).toBeGreaterThan(3);
    expect(await count('CARD_REPORT_DUE', `card:${a.card.id}:2031-09-01`)).toBe(1);
    expect(await ofKind(b.seeker, 'CARD_REPORT_DUE')).toHaveLength(0);

    // B's window opened on 08-22, and the job did not run until 08-25: caught up, once.
    await onDay('2031-08-25');
    await runJob();
    expect(await ofKind(b.seeker, 'CARD_REPORT_DUE')).toHaveLength(1);
    expect(await ofKind(a.seeker, 'CARD_REPORT_DUE')).toHaveLength(1);

    // B reports in time; A does not.
    t.clock.set(at('2031-09-03'));
    await t.http.post(`/api/v1/cards/${b.card.id}/reports`).set(bearer(b.seeker)).send({}).expect(201);
    await onDay('2031-09-01'); // the due date itself: not yet overdue
    expect(await ofKind(a.seeker, 'CARD_REPORT_OVERDUE')).toHaveLength(0);
    await onDay('2031-09-02');
    await onDay('2031-09-06');
    await runJob();
    expect(await ofKind(a.seeker, 'CARD_REPORT_OVERDUE')).toHaveLength(1);
    expect(await count('CARD_REPORT_OVERDUE', `card:${a.card.id}:2031-09-01`)).toBe(1);
    expect(await ofKind(b.seeker, 'CARD_REPORT_OVERDUE')).toHaveLength(0);
    // Told once, not again on the later runs while it stays overdue (inside and past the catch-up window).
    await onDay('2031-09-20');
    await onDay('2031-10-15');
    expect(await ofKind(a.seeker, 'CARD_REPORT_OVERDUE')).toHaveLength(1);

    // The expiry (2033-03-01): told 30 days before, once.
    await onDay('2033-01-29');
    expect(await ofKind(a.seeker, 'CARD_EXPIRING')).toHaveLength(0);
    await onDay('2033-01-30');
    await onDay('2033-02-10');
    const expiring = await ofKind(a.seeker, 'CARD_EXPIRING');
    expect(expiring).toHaveLength(1);
    expect(expiring[0].body).toContain(a.card.cardNumber);
    expect(await count('CARD_EXPIRING', `card:${a.card.id}:2033-03-01`)).toBe(1);

    const walkInRows = await t.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE subject LIKE ?', [
      `card:${walkIn.card.id}%`,
    ]);
    expect(Number(walkInRows[0].n)).toBe(0);
  });

  it("VACANCY_CLOSING: every staff member, three days before an open vacancy's closing date, once", async () => {
    t.clock.set(at('2035-05-01'));
    const employer = await verifiedEmployer(t, officer);
    const email = `${uniq('hr2')}@company.test`;
    await t.http
      .post('/api/v1/employers/me/staff')
      .set(bearer(employer))
      .send({ email, password: PASSWORD, fullName: 'Staf HR Kedua' })
      .expect(201);
    const colleague = await login(t, email);
    const open = await postVacancy(t, employer, { closesAt: '2035-05-20' });
    const closed = await postVacancy(t, employer, { closesAt: '2035-05-20' });
    await t.http.post(`/api/v1/vacancies/${closed.id}/close`).set(bearer(employer)).send({}).expect(200);

    await onDay('2035-05-16');
    expect(await ofKind(employer, 'VACANCY_CLOSING')).toHaveLength(0);
    await onDay('2035-05-17');
    await runJob();
    await onDay('2035-05-18');
    for (const staff of [employer, colleague]) {
      const entries = await ofKind(staff, 'VACANCY_CLOSING');
      expect(entries).toHaveLength(1);
      expect(entries[0].body).toContain(open.title as string);
      expect(entries[0].link).toContain(open.id);
    }
    expect(await count('VACANCY_CLOSING', `vacancy:${open.id}:2035-05-20`)).toBe(2);
    expect(await count('VACANCY_CLOSING', `vacancy:${closed.id}:2035-05-20`)).toBe(0);
  });

  it('two runs at once write each reminder once', async () => {
    t.clock.set(at('2037-01-10'));
    const holders = [];
    for (let i = 0; i < 4; i++) holders.push(await seekerWithActiveCard(t, officer));
    const employer = await verifiedEmployer(t, officer);
    const soon = await postVacancy(t, employer, { closesAt: '2037-01-13' });

    await Promise.all([jobs.runAll(), jobs.runAll()]);
    expect(await count('VACANCY_CLOSING', `vacancy:${soon.id}:2037-01-13`)).toBe(1);
    expect(await ofKind(employer, 'VACANCY_CLOSING')).toHaveLength(1);

    t.clock.set(at(addDays('2037-07-10', -14)));
    await Promise.all([jobs.runAll(), jobs.runAll(), jobs.runAll()]);
    for (const h of holders) {
      expect(await ofKind(h.seeker, 'CARD_REPORT_DUE')).toHaveLength(1);
      expect(await count('CARD_REPORT_DUE', `card:${h.card.id}:2037-07-10`)).toBe(1);
    }
  });

  it('APPLICATION_CLOSED: a vacancy the daily job closes past its date tells its undecided applicants, once', async () => {
    t.clock.set(at('2039-02-01'));
    const employer = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, employer, { closesAt: '2039-02-10' });
    const { seeker } = await seekerWithActiveCard(t, officer);
    await t.http.post(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(seeker)).send({}).expect(201);

    await onDay('2039-02-10'); // its last day: still open
    expect(await ofKind(seeker, 'APPLICATION_CLOSED')).toHaveLength(0);
    await onDay('2039-02-11');
    await runJob();
    const closed = await ofKind(seeker, 'APPLICATION_CLOSED');
    expect(closed).toHaveLength(1);
    expect(closed[0].body).toContain(vacancy.title as string);
    expect(await count('APPLICATION_CLOSED', `vacancy:${vacancy.id}`)).toBe(1);
    expect(await ofKind(employer, 'APPLICATION_CLOSED')).toHaveLength(0);
  });
});
