import { ApplicationConsent } from '../../src/applications/application-consent.entity';
import { Application } from '../../src/applications/application.entity';
import { ApplicationsService } from '../../src/applications/applications.service';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { CardsService } from '../../src/cards/cards.service';
import { Transactions } from '../../src/database/transactions';
import { SeekersService } from '../../src/seekers/seekers.service';
import { VacanciesService } from '../../src/vacancies/vacancies.service';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { statementsOfTransaction, statementsOutsideTransactions, verbs } from '../support/statements';
import { world, type World } from '../support/world';

/**
 * The middle tier: ApplicationsService, the owner of `applications` and `application_consents`, called
 * directly against the real database (no HTTP). Each case builds its own world through the owners.
 */
describe('ApplicationsService', () => {
  let t: TestApp;
  let w: World;
  let applications: ApplicationsService;

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
    applications = w.get(ApplicationsService);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const appRow = (id: string) => t.ds.getRepository(Application).findOneByOrFail({ id });
  const appsOf = (seekerId: string) => t.ds.getRepository(Application).countBy({ seekerId });
  const actions = async (entityId: string) =>
    (await t.ds.getRepository(AuditEvent).find({ where: { entityId } })).map((e) => e.action).sort();
  const consents = async (applicationId: string) =>
    (await t.ds.getRepository(ApplicationConsent).find({ where: { applicationId }, order: { recordedAt: 'ASC' } })).map(
      (c) => [c.shareContact, c.recordedBy],
    );
  /** An employer with one OPEN vacancy (override its report) and a seeker with an account and an active card. */
  const setUp = async (vacancy: Record<string, unknown> = {}) => {
    const employer = await w.verifiedEmployer().withVacancy(vacancy);
    const seeker = await w.seeker({ account: true }).withActiveCard();
    return { employer, vacancy: employer.vacancies[0], seeker };
  };

  describe('apply', () => {
    it('stores a SUBMITTED application, its first consent entry and an audit event', async () => {
      const { employer, vacancy, seeker } = await setUp();
      const view = await applications.apply(seeker.actor!, vacancy.id, {
        coverLetter: '  Saya siap bekerja.  ',
        shareContact: true,
      });
      expect(view).toMatchObject({ status: 'SUBMITTED', shareContact: true, vacancy: { id: vacancy.id } });
      expect(await appRow(view.id)).toMatchObject({
        vacancyId: vacancy.id,
        seekerId: seeker.id,
        employerId: employer.id,
        status: 'SUBMITTED',
        coverLetter: 'Saya siap bekerja.',
        shareContact: true,
        closedReason: null,
        decidedAt: null,
      });
      expect(await consents(view.id)).toEqual([[true, seeker.actor!.id]]);
      expect(await actions(view.id)).toEqual(['application.submitted']);
    });

    it('refuses a seeker without an active card when the vacancy requires the AK1 (AK1_REQUIRED)', async () => {
      const { vacancy } = await setUp();
      const none = await w.seeker({ account: true });
      const pending = await w.seeker({ account: true }).withPendingCard();
      for (const seeker of [none, pending]) {
        await expect(applications.apply(seeker.actor!, vacancy.id, {})).rejects.toMatchObject({
          code: 'AK1_REQUIRED',
          status: 422,
        });
        expect(await appsOf(seeker.id)).toBe(0);
      }
    });

    it('lets a seeker without a card apply when the vacancy does not require the AK1; consent is no unless said', async () => {
      const { vacancy } = await setUp({ requiresAk1: false });
      const seeker = await w.seeker({ account: true });
      const view = await applications.apply(seeker.actor!, vacancy.id, {});
      expect(await appRow(view.id)).toMatchObject({ seekerId: seeker.id, status: 'SUBMITTED', shareContact: false });
      expect(await consents(view.id)).toEqual([[false, seeker.actor!.id]]);
    });

    it('refuses a second application to the same vacancy (DUPLICATE_APPLICATION), even after withdrawing', async () => {
      const { vacancy, seeker } = await setUp();
      const first = await w.application(vacancy, seeker);
      await expect(applications.apply(seeker.actor!, vacancy.id, {})).rejects.toMatchObject({
        code: 'DUPLICATE_APPLICATION',
        status: 409,
      });
      await applications.withdraw(seeker.actor!, first);
      await expect(applications.apply(seeker.actor!, vacancy.id, {})).rejects.toMatchObject({
        code: 'DUPLICATE_APPLICATION',
      });
      expect(await appsOf(seeker.id)).toBe(1);
      expect(await t.ds.getRepository(ApplicationConsent).countBy({ seekerId: seeker.id })).toBe(1);
    });

    it('refuses a vacancy that no longer takes applications (VACANCY_NOT_OPEN); a DRAFT does not exist here', async () => {
      const employer = await w
        .verifiedEmployer()
        .withVacancy()
        .withVacancy({ closesAt: inDays(t.clock.today(), 1) })
        .withVacancy({ status: 'DRAFT' })
        .withVacancy({ quota: 1 });
      const [closed, lastDay, draft, filled] = employer.vacancies;
      const seeker = await w.seeker({ account: true }).withActiveCard();
      await w.get(VacanciesService).close(employer.actor, closed.id);
      await w.tx((m) => w.get(VacanciesService).countHire(m, null, filled.id));
      await expect(applications.apply(seeker.actor!, closed.id, {})).rejects.toMatchObject({
        code: 'VACANCY_NOT_OPEN',
        status: 409,
      });
      await expect(applications.apply(seeker.actor!, filled.id, {})).rejects.toMatchObject({
        code: 'VACANCY_NOT_OPEN',
      });
      await expect(applications.apply(seeker.actor!, draft.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // Past its closing date, before the daily job has closed it.
      t.clock.advanceDays(2);
      await expect(applications.apply(seeker.actor!, lastDay.id, {})).rejects.toMatchObject({
        code: 'VACANCY_NOT_OPEN',
      });
      expect(await appsOf(seeker.id)).toBe(0);
    });

    it('takes applications on the closing date itself', async () => {
      const { vacancy, seeker } = await setUp({ closesAt: inDays(t.clock.today(), 1) });
      t.clock.advanceDays(1);
      const view = await applications.apply(seeker.actor!, vacancy.id, {});
      expect((await appRow(view.id)).status).toBe('SUBMITTED');
    });

    it('refuses a placed seeker (SEEKER_ALREADY_PLACED), even with a card still active', async () => {
      const { vacancy, seeker } = await setUp();
      await w.tx((m) => w.get(SeekersService).markPlaced(m, seeker.id));
      await expect(applications.apply(seeker.actor!, vacancy.id, {})).rejects.toMatchObject({
        code: 'SEEKER_ALREADY_PLACED',
        status: 422,
      });
      expect(await appsOf(seeker.id)).toBe(0);
    });

    it("applies in one read and four writes; the staff hear of the day's applicants once", async () => {
      const { employer, vacancy, seeker } = await setUp();
      const second = await w.seeker({ account: true }).withActiveCard();
      const tx = w.get(Transactions);

      const first = await statementsOfTransaction(tx, () => applications.apply(seeker.actor!, vacancy.id, {}));
      // The checks; the application, its consent and its audit event; the staff with their choices and
      // whether they have today's message (one read); the message.
      expect(verbs(first.statements)).toEqual(['SELECT', 'INSERT', 'INSERT', 'INSERT', 'SELECT', 'INSERT']);
      expect(first.statements[5]).toMatch(/notifications/);
      const later = await statementsOfTransaction(tx, () => applications.apply(second.actor!, vacancy.id, {}));
      expect(verbs(later.statements)).toEqual(['SELECT', 'INSERT', 'INSERT', 'INSERT', 'SELECT']);

      const messages = await t.ds.query(
        `SELECT user_id AS userId FROM notifications WHERE kind = 'APPLICATION_RECEIVED' AND subject = ?`,
        [`vacancy:${vacancy.id}:${t.clock.today()}`],
      );
      expect(messages.map((r: { userId: string }) => r.userId)).toEqual([employer.actor.id]);
    });
  });

  describe('withdraw', () => {
    it('withdraws an undecided application once; only its applicant can', async () => {
      const { vacancy, seeker } = await setUp();
      const other = await w.seeker({ account: true });
      const id = await w.application(vacancy, seeker);
      await expect(applications.withdraw(other.actor!, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await appRow(id)).status).toBe('SUBMITTED');

      expect(await applications.withdraw(seeker.actor!, id)).toMatchObject({ status: 'WITHDRAWN' });
      expect(await appRow(id)).toMatchObject({ status: 'WITHDRAWN', decidedBy: seeker.actor!.id });
      await expect(applications.withdraw(seeker.actor!, id)).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
        status: 409,
      });
      expect(await actions(id)).toEqual(['application.submitted', 'application.withdrawn']);
    });
  });

  describe('decide', () => {
    it('shortlists only a SUBMITTED application, and rejects an undecided one', async () => {
      const { employer, vacancy, seeker } = await setUp();
      const second = await w.seeker({ account: true }).withActiveCard();
      const a = await w.application(vacancy, seeker);
      const b = await w.application(vacancy, second);

      expect(await applications.decide(employer.actor, a, 'SHORTLISTED')).toMatchObject({ status: 'SHORTLISTED' });
      expect(await appRow(a)).toMatchObject({ status: 'SHORTLISTED', decidedBy: employer.actor.id });
      await expect(applications.decide(employer.actor, a, 'SHORTLISTED')).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
      expect((await appRow(a)).status).toBe('SHORTLISTED');

      await applications.decide(employer.actor, a, 'REJECTED');
      await applications.decide(employer.actor, b, 'REJECTED');
      expect((await appRow(a)).status).toBe('REJECTED');
      expect((await appRow(b)).status).toBe('REJECTED');
      for (const status of ['SHORTLISTED', 'REJECTED'] as const)
        await expect(applications.decide(employer.actor, b, status)).rejects.toMatchObject({
          code: 'INVALID_STATE_TRANSITION',
        });
      expect(await actions(a)).toEqual(['application.rejected', 'application.shortlisted', 'application.submitted']);
    });

    it('refuses a withdrawn application, and another company’s (404)', async () => {
      const { employer, vacancy, seeker } = await setUp();
      const stranger = await w.verifiedEmployer();
      const id = await w.application(vacancy, seeker);
      await expect(applications.decide(stranger.actor, id, 'REJECTED')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await appRow(id)).status).toBe('SUBMITTED');
      await applications.withdraw(seeker.actor!, id);
      await expect(applications.decide(employer.actor, id, 'REJECTED')).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
      expect((await appRow(id)).status).toBe('WITHDRAWN');
    });

    it('decides in one read and four writes, and answers the item as the pipeline shows it', async () => {
      const { employer, vacancy, seeker } = await setUp();
      const id = await w.application(vacancy, seeker);
      const { result, statements } = await statementsOfTransaction(w.get(Transactions), () =>
        applications.decide(employer.actor, id, 'SHORTLISTED'),
      );
      // The application with its applicant, card and login; the move; its audit event; the applicant's
      // choices and whether they have the message; the message.
      expect(verbs(statements)).toEqual(['SELECT', 'UPDATE', 'INSERT', 'SELECT', 'INSERT']);
      const [listed] = (await applications.listForVacancy(employer.actor, vacancy.id, {})).items;
      expect(result).toEqual({ ...listed, status: 'SHORTLISTED' });
      expect(result).toMatchObject({
        status: 'SHORTLISTED',
        applicant: { seekerId: seeker.id, fullName: seeker.fullName },
        card: { cardNumber: seeker.card!.cardNumber, status: 'ACTIVE', reportOverdue: false },
      });
      const told = await t.ds.query(`SELECT kind FROM notifications WHERE user_id = ? AND subject = ?`, [
        seeker.actor!.id,
        `application:${id}`,
      ]);
      expect(told).toEqual([{ kind: 'APPLICATION_SHORTLISTED' }]);
    });
  });

  describe('markHired', () => {
    it('hires an undecided application once', async () => {
      const { employer, vacancy, seeker } = await setUp();
      const id = await w.application(vacancy, seeker);
      await applications.decide(employer.actor, id, 'SHORTLISTED');
      await w.tx((m) => applications.markHired(m, employer.actor, id));
      expect(await appRow(id)).toMatchObject({ status: 'HIRED', closedReason: null, decidedBy: employer.actor.id });
      await expect(w.tx((m) => applications.markHired(m, employer.actor, id))).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
    });

    it.each([
      ['VACANCY_FILLED', 'VACANCY_FILLED'],
      ['VACANCY_CLOSED', 'VACANCY_NOT_OPEN'],
      ['SEEKER_PLACED', 'SEEKER_ALREADY_PLACED'],
    ] as const)('refuses an application CLOSED %s with %s', async (reason, code) => {
      const { employer, vacancy, seeker } = await setUp();
      const id = await w.application(vacancy, seeker);
      await w.tx((m) => applications.closeUndecided(m, { seekerId: seeker.id }, reason, null));
      await expect(w.tx((m) => applications.markHired(m, employer.actor, id))).rejects.toMatchObject({
        code,
        status: 409,
      });
      expect(await appRow(id)).toMatchObject({ status: 'CLOSED', closedReason: reason });
    });

    it('refuses a rejected or withdrawn application (INVALID_STATE_TRANSITION)', async () => {
      const { employer, vacancy, seeker } = await setUp();
      const other = await w.seeker({ account: true }).withActiveCard();
      const rejected = await w.application(vacancy, seeker);
      const withdrawn = await w.application(vacancy, other);
      await applications.decide(employer.actor, rejected, 'REJECTED');
      await applications.withdraw(other.actor!, withdrawn);
      for (const [id, status] of [
        [rejected, 'REJECTED'],
        [withdrawn, 'WITHDRAWN'],
      ]) {
        await expect(w.tx((m) => applications.markHired(m, employer.actor, id))).rejects.toMatchObject({
          code: 'INVALID_STATE_TRANSITION',
        });
        expect((await appRow(id)).status).toBe(status);
      }
    });
  });

  describe('closeUndecided', () => {
    it('closes the seeker’s undecided applications and leaves decided ones alone', async () => {
      const seeker = await w.seeker({ account: true }).withActiveCard();
      const employers = [];
      for (let i = 0; i < 4; i++) employers.push(await w.verifiedEmployer().withVacancy());
      // submitted, shortlisted, rejected, withdrawn
      const ids: string[] = [];
      for (const e of employers) ids.push(await w.application(e.vacancies[0], seeker));
      await applications.decide(employers[1].actor, ids[1], 'SHORTLISTED');
      await applications.decide(employers[2].actor, ids[2], 'REJECTED');
      await applications.withdraw(seeker.actor!, ids[3]);

      expect(await w.tx((m) => applications.closeUndecided(m, { seekerId: seeker.id }, 'SEEKER_PLACED', null))).toBe(2);
      expect(await appRow(ids[0])).toMatchObject({ status: 'CLOSED', closedReason: 'SEEKER_PLACED' });
      expect(await appRow(ids[1])).toMatchObject({ status: 'CLOSED', closedReason: 'SEEKER_PLACED' });
      expect(await appRow(ids[2])).toMatchObject({ status: 'REJECTED', closedReason: null });
      expect(await appRow(ids[3])).toMatchObject({ status: 'WITHDRAWN', closedReason: null });
      expect(await actions(ids[0])).toEqual(['application.closed', 'application.submitted']);
      expect(await actions(ids[2])).toEqual(['application.rejected', 'application.submitted']);
      // Nothing undecided is left: a second run closes none.
      expect(await w.tx((m) => applications.closeUndecided(m, { seekerId: seeker.id }, 'SEEKER_PLACED', null))).toBe(0);
    });

    it(`closes applications without waiting for their seekers' rows, which hires of those seekers hold (${ENGINE})`, async () => {
      // The hire that fills a vacancy closes its other applicants' applications while their own hires,
      // waiting for that vacancy, hold their seekers' rows: waiting for those rows was a deadlock (MySQL).
      if (ENGINE !== 'mysql') return; // SQLite runs one transaction at a time
      const { vacancy, seeker } = await setUp();
      const id = await w.application(vacancy, seeker);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let holding!: () => void;
      const held = new Promise<void>((r) => (holding = r));
      const hireOfTheSeeker = w.tx(async (m) => {
        await w.get(SeekersService).markPlaced(m, seeker.id);
        holding();
        await gate;
        throw new Error('rolled back');
      });
      await held;
      const closing = w.tx((m) => applications.closeUndecided(m, { vacancyId: vacancy.id }, 'VACANCY_FILLED', null));
      const first = await Promise.race([
        closing.then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('waited for the seeker'), 3000)),
      ]);
      release();
      await expect(hireOfTheSeeker).rejects.toThrow('rolled back');
      await closing;
      expect(first).toBe('closed');
      expect(await appRow(id)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
    });
  });

  describe('the lists', () => {
    it("a vacancy's applications: the vacancy, then the page with applicants, cards and the count (two statements)", async () => {
      const { employer, vacancy } = await setUp();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const s = await w.seeker({ account: true }).withActiveCard();
        ids.push(await w.application(vacancy, s));
        t.clock.advance(60_000);
      }
      await applications.decide(employer.actor, ids[1], 'REJECTED');
      await applications.listForVacancy(employer.actor, vacancy.id, {}); // what is read once per instance

      const page = await statementsOutsideTransactions(t.ds, () =>
        applications.listForVacancy(employer.actor, vacancy.id, { page: 1, pageSize: 2 }),
      );
      expect(page.statements).toHaveLength(2);
      expect(page.result).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(page.result.items.map((i) => i.id)).toEqual(ids.slice(0, 2)); // oldest first
      expect(
        (await applications.listForVacancy(employer.actor, vacancy.id, { page: 2, pageSize: 2 })).items.map(
          (i) => i.id,
        ),
      ).toEqual([ids[2]]);

      const submitted = await applications.listForVacancy(employer.actor, vacancy.id, { status: 'SUBMITTED' });
      expect(submitted).toMatchObject({ total: 2 });
      expect(submitted.items.map((i) => i.id)).toEqual([ids[0], ids[2]]);

      // Past the last page: no rows to carry the count, so it is counted apart.
      const past = await statementsOutsideTransactions(t.ds, () =>
        applications.listForVacancy(employer.actor, vacancy.id, { page: 3, pageSize: 2 }),
      );
      expect(past.result).toEqual({ items: [], page: 3, pageSize: 2, total: 3 });
      expect(past.statements).toHaveLength(3);
      expect(await applications.listForVacancy(employer.actor, vacancy.id, { status: 'HIRED' })).toEqual({
        items: [],
        page: 1,
        pageSize: 20,
        total: 0,
      });
    });

    it("shows each applicant's newest numbered card, skipping requests never issued", async () => {
      const officer = await w.officer();
      const cards = w.get(CardsService);
      const employer = await w.verifiedEmployer().withVacancy({ requiresAk1: false });
      const vacancy = employer.vacancies[0];
      const a = await w.seeker({ account: true }).withActiveCard();
      await cards.revoke(officer, a.card!.id, 'x');
      t.clock.advanceDays(1);
      const second = await cards.issue(officer, a.id);
      await cards.revoke(officer, second.id, 'y');
      t.clock.advanceDays(1);
      await cards.request(a.actor!); // the newest, but PENDING: no number
      const b = await w.seeker({ account: true });
      const c = await w.seeker({ account: true }).withActiveCard();
      for (const s of [a, b, c]) await w.application(vacancy, s);

      const { items } = await applications.listForVacancy(employer.actor, vacancy.id, {});
      const cardOf = (seekerId: string) => items.find((i) => i.applicant.seekerId === seekerId)!.card;
      expect(cardOf(a.id)).toEqual({ cardNumber: second.cardNumber, status: 'REVOKED', reportOverdue: false });
      expect(cardOf(b.id)).toBeNull();
      expect(cardOf(c.id)).toEqual({ cardNumber: c.card!.cardNumber, status: 'ACTIVE', reportOverdue: false });
    });

    it("the seeker's own applications: one statement with the count, newest first", async () => {
      const employer = await w.verifiedEmployer().withVacancy().withVacancy().withVacancy();
      const seeker = await w.seeker({ account: true }).withActiveCard();
      const ids: string[] = [];
      for (const v of employer.vacancies) {
        ids.push(await w.application(v, seeker));
        t.clock.advance(60_000);
      }
      await applications.withdraw(seeker.actor!, ids[0]);

      const page = await statementsOutsideTransactions(t.ds, () =>
        applications.listMine(seeker.actor!, { page: 1, pageSize: 2 }),
      );
      expect(page.statements).toHaveLength(1);
      expect(page.result).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(page.result.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
      expect(page.result.items[0]).toEqual({
        id: ids[2],
        status: 'SUBMITTED',
        appliedAt: expect.any(String),
        shareContact: false,
        vacancy: {
          id: employer.vacancies[2].id,
          title: employer.vacancies[2].title,
          status: 'OPEN',
          employer: { id: employer.id, legalName: employer.legalName },
        },
      });
      expect((await applications.listMine(seeker.actor!, { status: 'WITHDRAWN' })).items.map((i) => i.id)).toEqual([
        ids[0],
      ]);
      expect(await applications.listMine(seeker.actor!, { page: 4, pageSize: 1 })).toEqual({
        items: [],
        page: 4,
        pageSize: 1,
        total: 3,
      });
    });
  });

  describe('changeConsent', () => {
    it('keeps every change in the history, logs nothing for a choice already made, and works in any state', async () => {
      const { vacancy, seeker } = await setUp();
      const id = await w.application(vacancy, seeker);
      const other = await w.seeker({ account: true });
      await expect(applications.changeConsent(other.actor!, id, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });

      t.clock.advance(1000);
      expect(await applications.changeConsent(seeker.actor!, id, true)).toMatchObject({ shareContact: true });
      t.clock.advance(1000);
      await applications.changeConsent(seeker.actor!, id, true);
      await applications.withdraw(seeker.actor!, id);
      t.clock.advance(1000);
      await applications.changeConsent(seeker.actor!, id, false);

      expect((await appRow(id)).shareContact).toBe(false);
      const me = seeker.actor!.id;
      expect(await consents(id)).toEqual([
        [false, me],
        [true, me],
        [false, me],
      ]);
      expect((await actions(id)).filter((a) => a === 'application.consent_changed')).toHaveLength(2);
    });
  });
});

/** The calendar date `days` after `today` (YYYY-MM-DD). */
function inDays(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
