import { In, LessThan } from 'typeorm';
import { Application } from '../../src/applications/application.entity';
import { ApplicationsService } from '../../src/applications/applications.service';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { sqlDate } from '../../src/common/sql';
import { SearchOutboxEntry } from '../../src/search/search-outbox.entity';
import { LabourEvent } from '../../src/statistics/labour-event.entity';
import { Vacancy } from '../../src/vacancies/vacancy.entity';
import { VacanciesService } from '../../src/vacancies/vacancies.service';
import { MeiliStandIn } from '../support/meili-stand-in';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { world, type EmployerFixture, type SeekerFixture, type World } from '../support/world';

/**
 * The middle tier: VacanciesService, the owner of `vacancies`, called directly against the real database
 * (no HTTP). Each case builds its own world through the owners (test/support/world.ts).
 */
describe('VacanciesService', () => {
  let t: TestApp;
  let w: World;
  let vacancies: VacanciesService;

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
    vacancies = w.get(VacanciesService);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const vacancyRow = (id: string) => t.ds.getRepository(Vacancy).findOneByOrFail({ id });
  const appRow = (id: string) => t.ds.getRepository(Application).findOneByOrFail({ id });
  /** The vacancy's statistics events, in the order they were written: [kind, positions, date]. */
  const flows = async (vacancyId: string) =>
    (await t.ds.getRepository(LabourEvent).find({ where: { refId: vacancyId }, order: { recordedAt: 'ASC' } })).map(
      (e) => [e.subject, e.kind, e.positions, sqlDate(e.eventDate)],
    );
  const actions = async (entityId: string) =>
    (await t.ds.getRepository(AuditEvent).find({ where: { entityId } })).map((e) => e.action).sort();
  /** Calendar date `days` after the clock's today. */
  const inDays = (days: number) => {
    const [y, m, d] = t.clock.today().split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  };
  const countHire = (id: string) => w.tx((m) => vacancies.countHire(m, null, id));
  /** An employer with one vacancy and `n` undecided applications to it from seekers with active cards. */
  const withApplicants = async (n: number, vacancy: Record<string, unknown> = {}) => {
    const employer = await w.verifiedEmployer().withVacancy(vacancy);
    const apps: string[] = [];
    const seekers: SeekerFixture[] = [];
    for (let i = 0; i < n; i++) {
      seekers.push(await w.seeker({ account: true }).withActiveCard());
      apps.push(await w.application(employer.vacancies[0], seekers[i]));
    }
    return { employer, vacancy: employer.vacancies[0], apps, seekers };
  };

  describe('create', () => {
    it('reports an OPEN vacancy: published now, its positions registered in the statistics, audited', async () => {
      const employer = await w.verifiedEmployer().withVacancy({ quota: 3, skills: [' Las ', 'las', 'Bubut  CNC'] });
      const [view] = employer.vacancies;
      expect(view).toMatchObject({ status: 'OPEN', quota: 3, filled: 0 });
      const row = await vacancyRow(view.id);
      expect(row).toMatchObject({ status: 'OPEN', employerId: employer.id, quota: 3, filled: 0, requiresAk1: true });
      expect(row.publishedAt).not.toBeNull();
      expect(JSON.parse(row.skills)).toEqual(['Las', 'Bubut CNC']);
      expect(await flows(view.id)).toEqual([['VACANCY', 'REGISTERED', 3, t.clock.today()]]);
      expect(await actions(view.id)).toEqual(['vacancy.created']);
    });

    it('keeps a DRAFT out of the statistics until it is published', async () => {
      const employer = await w.verifiedEmployer().withVacancy({ status: 'DRAFT', quota: 4 });
      const [view] = employer.vacancies;
      const row = await vacancyRow(view.id);
      expect(row).toMatchObject({ status: 'DRAFT', publishedAt: null });
      expect(await flows(view.id)).toEqual([]);
    });

    it('refuses a closing date that is not after today, and an employer-less caller', async () => {
      const employer = await w.verifiedEmployer();
      const body = { title: 'Kasir', description: 'Melayani pembeli.', educationMin: 'SMA', skills: ['Kasir'] };
      const report = { ...body, employmentType: 'FULL_TIME', location: 'Palembang', quota: 1 };
      await expect(
        vacancies.create(employer.actor, { ...report, closesAt: t.clock.today() } as never),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(
        vacancies.create({ ...employer.actor, employerId: null }, { ...report, closesAt: inDays(5) } as never),
      ).rejects.toMatchObject({ status: 403 });
      expect(await t.ds.getRepository(Vacancy).countBy({ employerId: employer.id })).toBe(0);
    });
  });

  describe('publish', () => {
    it('opens a DRAFT whose closing date is ahead, and registers its positions then', async () => {
      const employer = await w.verifiedEmployer().withVacancy({ status: 'DRAFT', quota: 2 });
      const [draft] = employer.vacancies;
      t.clock.advanceDays(3);
      const view = await vacancies.publish(employer.actor, draft.id);
      expect(view.status).toBe('OPEN');
      const row = await vacancyRow(draft.id);
      expect(row.status).toBe('OPEN');
      expect(row.publishedAt).not.toBeNull();
      expect(await flows(draft.id)).toEqual([['VACANCY', 'REGISTERED', 2, t.clock.today()]]);
      expect(await actions(draft.id)).toEqual(['vacancy.created', 'vacancy.published']);
    });

    it('refuses a DRAFT whose closing date is today or behind (CLOSING_DATE_PASSED); it stays DRAFT', async () => {
      const employer = await w.verifiedEmployer().withVacancy({ status: 'DRAFT', closesAt: inDays(1) });
      const [draft] = employer.vacancies;
      t.clock.advanceDays(1);
      await expect(vacancies.publish(employer.actor, draft.id)).rejects.toMatchObject({
        code: 'CLOSING_DATE_PASSED',
        status: 422,
      });
      expect(await vacancyRow(draft.id)).toMatchObject({ status: 'DRAFT', publishedAt: null });
      expect(await flows(draft.id)).toEqual([]);
    });

    it('refuses anything but a DRAFT, and another company’s vacancy', async () => {
      const employer = await w.verifiedEmployer().withVacancy();
      const other = await w.verifiedEmployer().withVacancy({ status: 'DRAFT' });
      const [open] = employer.vacancies;
      await expect(vacancies.publish(employer.actor, open.id)).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
      await expect(vacancies.publish(employer.actor, other.vacancies[0].id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await vacancyRow(other.vacancies[0].id)).status).toBe('DRAFT');
    });
  });

  describe('update', () => {
    it('refuses a quota below the positions filled (QUOTA_BELOW_FILLED) and changes nothing', async () => {
      const { employer, vacancy } = await withApplicants(0, { quota: 3 });
      await countHire(vacancy.id);
      await countHire(vacancy.id);
      await expect(vacancies.update(employer.actor, vacancy.id, { quota: 1 } as never)).rejects.toMatchObject({
        code: 'QUOTA_BELOW_FILLED',
        status: 422,
      });
      expect(await vacancyRow(vacancy.id)).toMatchObject({ status: 'OPEN', quota: 3, filled: 2 });
    });

    it('fills the vacancy when the quota drops to the positions filled; its undecided applications close VACANCY_FILLED', async () => {
      const { employer, vacancy, apps } = await withApplicants(3, { quota: 3 });
      const [a, b, rejected] = apps;
      const applications = w.get(ApplicationsService);
      await applications.decide(employer.actor, b, 'SHORTLISTED');
      await applications.decide(employer.actor, rejected, 'REJECTED');
      await countHire(vacancy.id);

      const view = await vacancies.update(employer.actor, vacancy.id, { quota: 1 } as never);

      expect(view.status).toBe('FILLED');
      const row = await vacancyRow(vacancy.id);
      expect(row).toMatchObject({ status: 'FILLED', quota: 1, filled: 1, closedReason: 'FILLED' });
      expect(row.closedAt).not.toBeNull();
      expect(await appRow(a)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
      expect(await appRow(b)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
      expect(await appRow(rejected)).toMatchObject({ status: 'REJECTED', closedReason: null });
      // The two positions taken away leave the unfilled stock.
      expect(await flows(vacancy.id)).toEqual([
        ['VACANCY', 'REGISTERED', 3, t.clock.today()],
        ['VACANCY', 'REMOVED', 2, t.clock.today()],
      ]);
      // A FILLED vacancy can no longer be edited.
      await expect(vacancies.update(employer.actor, vacancy.id, { quota: 5 } as never)).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
    });

    it('registers positions added to an OPEN vacancy and leaves an unfilled one OPEN at a lower quota', async () => {
      const { employer, vacancy } = await withApplicants(0, { quota: 2 });
      await vacancies.update(employer.actor, vacancy.id, { quota: 5 } as never);
      await vacancies.update(employer.actor, vacancy.id, { quota: 1 } as never);
      expect(await vacancyRow(vacancy.id)).toMatchObject({ status: 'OPEN', quota: 1, filled: 0 });
      expect(await flows(vacancy.id)).toEqual([
        ['VACANCY', 'REGISTERED', 2, t.clock.today()],
        ['VACANCY', 'REGISTERED', 3, t.clock.today()],
        ['VACANCY', 'REMOVED', 4, t.clock.today()],
      ]);
    });
  });

  describe('close', () => {
    it.each([
      ['its employer', 'CLOSED_BY_EMPLOYER'],
      ['an officer', 'CLOSED_BY_OFFICER'],
    ])(
      'by %s: CLOSED (%s), the undecided applications close VACANCY_CLOSED, decided ones stay',
      async (who, reason) => {
        const { employer, vacancy, apps, seekers } = await withApplicants(3, { quota: 4 });
        const [submitted, shortlisted, withdrawn] = apps;
        await w.get(ApplicationsService).decide(employer.actor, shortlisted, 'SHORTLISTED');
        await w.get(ApplicationsService).withdraw(seekers[2].actor!, withdrawn);
        await countHire(vacancy.id);
        const actor = who === 'an officer' ? await w.officer() : employer.actor;

        await vacancies.close(actor, vacancy.id, '  Sudah cukup  ');

        const row = await vacancyRow(vacancy.id);
        expect(row).toMatchObject({ status: 'CLOSED', closedReason: reason, closeNote: 'Sudah cukup', filled: 1 });
        expect(await appRow(submitted)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_CLOSED' });
        expect(await appRow(shortlisted)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_CLOSED' });
        expect(await appRow(withdrawn)).toMatchObject({ status: 'WITHDRAWN', closedReason: null });
        // The unfilled rest (4 - 1) leaves the stock today.
        expect((await flows(vacancy.id)).at(-1)).toEqual(['VACANCY', 'REMOVED', 3, t.clock.today()]);
        const audit = await t.ds
          .getRepository(AuditEvent)
          .findBy({ entityId: In([submitted, shortlisted, withdrawn]) });
        expect(
          audit
            .filter((e) => e.action === 'application.closed')
            .map((e) => e.entityId)
            .sort(),
        ).toEqual([submitted, shortlisted].sort());
        // Closing twice is refused.
        await expect(vacancies.close(actor, vacancy.id)).rejects.toMatchObject({ code: 'INVALID_STATE_TRANSITION' });
      },
    );

    it('refuses another company’s staff (404) and leaves the vacancy OPEN', async () => {
      const { vacancy } = await withApplicants(0);
      const stranger = await w.verifiedEmployer();
      await expect(vacancies.close(stranger.actor, vacancy.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await vacancyRow(vacancy.id)).status).toBe('OPEN');
    });
  });

  describe('closeExpired', () => {
    it('closes every OPEN vacancy past its closing date once (a second run closes none)', async () => {
      const { vacancy: due, apps } = await withApplicants(1, { closesAt: inDays(1), quota: 2 });
      const { vacancy: lastDay } = await withApplicants(0, { closesAt: inDays(2) });
      const employer = await w.verifiedEmployer().withVacancy({ status: 'DRAFT', closesAt: inDays(1) });
      const draft = employer.vacancies[0];
      t.clock.advanceDays(2);
      // On a shared database other specs' vacancies may be due too: they count as well.
      const dueNow = await t.ds.getRepository(Vacancy).countBy({ status: 'OPEN', closesAt: LessThan(t.clock.today()) });
      expect(dueNow).toBeGreaterThanOrEqual(1);

      expect(await vacancies.closeExpired(t.clock.now())).toEqual({ closed: dueNow });
      expect(await vacancies.closeExpired(t.clock.now())).toEqual({ closed: 0 });

      expect(await vacancyRow(due.id)).toMatchObject({ status: 'CLOSED', closedReason: 'EXPIRED' });
      expect(await appRow(apps[0])).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_CLOSED' });
      // Still taking applications on its closing date.
      expect((await vacancyRow(lastDay.id)).status).toBe('OPEN');
      expect((await vacancyRow(draft.id)).status).toBe('DRAFT');
      // The unfilled positions leave the stock the day after the closing date (today, two days on).
      expect((await flows(due.id)).at(-1)).toEqual(['VACANCY', 'REMOVED', 2, t.clock.today()]);
      expect(await actions(due.id)).toEqual(['vacancy.created', 'vacancy.expired']);
    });
  });

  describe('countHire', () => {
    it('counts up to the quota, fills the vacancy at it, and refuses beyond (VACANCY_FILLED)', async () => {
      const { vacancy } = await withApplicants(0, { quota: 2 });
      expect(await countHire(vacancy.id)).toBe('OPEN');
      expect(await vacancyRow(vacancy.id)).toMatchObject({ status: 'OPEN', filled: 1 });
      expect(await countHire(vacancy.id)).toBe('FILLED');
      expect(await vacancyRow(vacancy.id)).toMatchObject({ status: 'FILLED', filled: 2, closedReason: 'FILLED' });
      await expect(countHire(vacancy.id)).rejects.toMatchObject({ code: 'VACANCY_FILLED', status: 409 });
      expect(await vacancyRow(vacancy.id)).toMatchObject({ status: 'FILLED', filled: 2 });
      expect(await actions(vacancy.id)).toEqual(['vacancy.created', 'vacancy.filled']);
    });

    it('refuses a vacancy that is not OPEN (VACANCY_NOT_OPEN)', async () => {
      const employer = await w.verifiedEmployer().withVacancy({ status: 'DRAFT' }).withVacancy();
      const [draft, closed] = employer.vacancies;
      await vacancies.close(employer.actor, closed.id);
      await expect(countHire(draft.id)).rejects.toMatchObject({ code: 'VACANCY_NOT_OPEN' });
      await expect(countHire(closed.id)).rejects.toMatchObject({ code: 'VACANCY_NOT_OPEN' });
      expect((await vacancyRow(draft.id)).filled).toBe(0);
      expect((await vacancyRow(closed.id)).filled).toBe(0);
    });

    it(`never goes beyond the quota when hires race (${ENGINE})`, async () => {
      const { vacancy } = await withApplicants(0, { quota: 2 });
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => countHire(vacancy.id)));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(2);
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(4).fill('VACANCY_FILLED'));
      expect(await vacancyRow(vacancy.id)).toMatchObject({ status: 'FILLED', filled: 2 });
      expect((await actions(vacancy.id)).filter((a) => a === 'vacancy.filled')).toHaveLength(1);
    });
  });

  describe('the search outbox', () => {
    it('stays empty with the database driver', async () => {
      const employer: EmployerFixture = await w.verifiedEmployer().withVacancy();
      await vacancies.close(employer.actor, employer.vacancies[0].id);
      expect(await t.ds.getRepository(SearchOutboxEntry).countBy({ entityId: employer.vacancies[0].id })).toBe(0);
    });

    it('gets a row for each change with the meilisearch driver (the worker is off in tests)', async () => {
      const standIn = new MeiliStandIn();
      await standIn.start();
      const meili = await startApp({ SEARCH_DRIVER: 'meilisearch', MEILI_HOST: standIn.url, MEILI_INDEX: 'v_medium' });
      try {
        const mw = world(meili);
        const employer = await mw.verifiedEmployer().withVacancy({ quota: 1 }).withVacancy({ status: 'DRAFT' });
        const [open, draft] = employer.vacancies;
        const outbox = (id: string) => meili.ds.getRepository(SearchOutboxEntry).countBy({ entityId: id });
        expect(await outbox(open.id)).toBe(1);
        expect(await outbox(draft.id)).toBe(1);
        await mw.tx((m) => mw.get(VacanciesService).countHire(m, null, open.id));
        await mw.get(VacanciesService).publish(employer.actor, draft.id);
        expect(await outbox(open.id)).toBe(2);
        expect(await outbox(draft.id)).toBe(2);
      } finally {
        await meili.close();
        await standIn.stop();
      }
    });
  });
});
