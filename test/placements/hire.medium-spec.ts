import { Application } from '../../src/applications/application.entity';
import { ApplicationsService } from '../../src/applications/applications.service';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Card } from '../../src/cards/card.entity';
import { CardsService } from '../../src/cards/cards.service';
import { HireService, type Hire } from '../../src/placements/hire.service';
import { Placement } from '../../src/placements/placement.entity';
import { Seeker } from '../../src/seekers/seeker.entity';
import { SeekersService } from '../../src/seekers/seekers.service';
import { Vacancy } from '../../src/vacancies/vacancy.entity';
import { VacanciesService } from '../../src/vacancies/vacancies.service';
import { startApp, type TestApp } from '../support/app';
import { statementsOf, verbs } from '../support/statements';
import { world, type EmployerFixture, type SeekerFixture, type World } from '../support/world';

/**
 * The middle tier: the hire use case and the owners it calls, against the real database, without HTTP.
 * Each case builds its own world through the owners (test/support/world.ts).
 */
describe('HireService.record and the owners it calls', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startApp();
    w = world(t);
  });
  afterAll(() => t.close());

  const row = <T extends object>(entity: new () => T, id: string) =>
    t.ds.getRepository(entity).findOneByOrFail({ id } as never) as Promise<T>;
  const hire = (employer: EmployerFixture, seeker: SeekerFixture, over: Partial<Hire> = {}) =>
    w.tx((m) =>
      w.get(HireService).record(m, {
        actor: employer.actor,
        seekerId: seeker.id,
        employerId: employer.id,
        employerName: employer.legalName,
        vacancyId: employer.vacancies[0]?.id ?? null,
        application: null,
        startDate: t.clock.today(),
        position: 'Operator',
        source: 'EMPLOYER',
        ...over,
      }),
    );

  it('places the seeker, closes their card and other applications, and fills the vacancy at its quota', async () => {
    const employer = await w.verifiedEmployer().withVacancy({ quota: 1 });
    const other = await w.verifiedEmployer().withVacancy();
    const seeker = await w.seeker({ account: true }).withActiveCard();
    const rival = await w.seeker({ account: true }).withActiveCard();
    const [vacancy] = employer.vacancies;
    const hired = await w.application(vacancy, seeker);
    const elsewhere = await w.application(other.vacancies[0], seeker);
    const waiting = await w.application(vacancy, rival);

    const placement = await hire(employer, seeker, { application: await row(Application, hired) });

    expect(placement).toMatchObject({
      seekerId: seeker.id,
      vacancyId: vacancy.id,
      cardNumber: seeker.card!.cardNumber,
      source: 'EMPLOYER',
    });
    expect((await row(Seeker, seeker.id)).placedAt).not.toBeNull();
    expect(await row(Card, seeker.card!.id)).toMatchObject({
      status: 'PLACED',
      placementEmployerId: employer.id,
      activeNikHash: null,
    });
    expect(await row(Application, hired)).toMatchObject({ status: 'HIRED' });
    expect(await row(Application, elsewhere)).toMatchObject({ status: 'CLOSED', closedReason: 'SEEKER_PLACED' });
    expect(await row(Application, waiting)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
    expect(await row(Vacancy, vacancy.id)).toMatchObject({ status: 'FILLED', filled: 1 });
    expect(await t.ds.getRepository(Placement).countBy({ seekerId: seeker.id })).toBe(1);
    const actions = (await t.ds.getRepository(AuditEvent).findBy({ entityId: placement.id })).map((e) => e.action);
    expect(actions).toEqual(['placement.recorded']);
  });

  it('is all or nothing: a refusal late in the hire leaves every row as it was', async () => {
    const employer = await w.verifiedEmployer().withVacancy({ quota: 1 });
    const first = await w.seeker().withActiveCard();
    const second = await w.seeker().withActiveCard();
    await hire(employer, first);
    // The vacancy is full: the seeker, the card and the applications must not change.
    await expect(hire(employer, second)).rejects.toMatchObject({ code: 'VACANCY_FILLED' });
    expect((await row(Seeker, second.id)).placedAt).toBeNull();
    expect((await row(Card, second.card!.id)).status).toBe('ACTIVE');
    expect(await t.ds.getRepository(Placement).countBy({ seekerId: second.id })).toBe(0);
  });

  it('refuses a second hire of the same seeker (409 SEEKER_ALREADY_PLACED), whoever records it', async () => {
    const a = await w.verifiedEmployer();
    const b = await w.verifiedEmployer();
    const seeker = await w.seeker().withActiveCard();
    await hire(a, seeker);
    await expect(hire(b, seeker)).rejects.toMatchObject({ code: 'SEEKER_ALREADY_PLACED', status: 409 });
  });

  it('records a self-report without a card or vacancy', async () => {
    const seeker = await w.seeker({ account: true });
    const placement = await w.tx((m) =>
      w.get(HireService).record(m, {
        actor: seeker.actor!,
        seekerId: seeker.id,
        employerId: null,
        employerName: 'Toko Sumber Rezeki',
        vacancyId: null,
        application: null,
        startDate: t.clock.today(),
        position: null,
        source: 'SELF_REPORT',
      }),
    );
    expect(placement).toMatchObject({ cardNumber: null, vacancyId: null, source: 'SELF_REPORT' });
    expect((await row(Seeker, seeker.id)).placedAt).not.toBeNull();
  });

  it('refuses an application that is no longer undecided with the reason it closed, before counting the vacancy', async () => {
    const employer = await w.verifiedEmployer().withVacancy({ quota: 1 });
    const [vacancy] = employer.vacancies;
    const first = await w.seeker().withActiveCard();
    const turnedDown = await w.seeker({ account: true }).withActiveCard();
    const app = await w.application(vacancy, turnedDown);
    await w.get(ApplicationsService).decide(employer.actor, app, 'REJECTED');
    await hire(employer, first); // fills the vacancy
    // Both are true, the vacancy is full and the application was rejected: the answer is about the application.
    await expect(hire(employer, turnedDown, { application: await row(Application, app) })).rejects.toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      status: 409,
    });
    expect((await row(Seeker, turnedDown.id)).placedAt).toBeNull();
    expect((await row(Card, turnedDown.card!.id)).status).toBe('ACTIVE');
  });

  it("takes the rows other hires wait for last: the vacancy after the seeker's own rows, the monthly roll-up at the end", async () => {
    const employer = await w.verifiedEmployer().withVacancy({ quota: 2 });
    const seeker = await w.seeker({ account: true }).withActiveCard();
    const app = await w.application(employer.vacancies[0], seeker);
    const application = await row(Application, app);
    const { statements } = await w.tx((m) =>
      statementsOf(m, () =>
        w.get(HireService).record(m, {
          actor: employer.actor,
          seekerId: seeker.id,
          employerId: employer.id,
          employerName: employer.legalName,
          vacancyId: employer.vacancies[0].id,
          application,
          startDate: t.clock.today(),
          position: 'Operator',
          source: 'EMPLOYER',
          // As every door passes them: the work location and the employer's kind it read with the hire.
          known: { workLocation: employer.vacancies[0].kecamatanCode, employerKind: 'SWASTA' },
        }),
      ),
    );
    const at = (pattern: RegExp) => statements.findIndex((s) => pattern.test(s));
    const vacancy = at(/^UPDATE [`"]?vacancies\b/i);
    expect(vacancy).toBeGreaterThan(at(/^UPDATE [`"]?cards\b/i));
    expect(vacancy).toBeGreaterThan(at(/^INSERT INTO [`"]?placements\b/i));
    expect(vacancy).toBeGreaterThan(at(/^INSERT INTO [`"]?labour_events\b/i));
    expect(vacancy).toBeLessThan(at(/^UPDATE [`"]?applications\b/i));
    // After the vacancy, while its other hires wait: the revision of its search row (the positions left
    // are part of the view search keeps), the application HIRED, the audit events, the roll-up (the seeker
    // has no other application, the vacancy does not fill: nothing to look up after it).
    expect(verbs(statements.slice(vacancy + 1))).toEqual(['UPDATE', 'UPDATE', 'INSERT', 'INSERT']);
    expect(statements[vacancy + 1]).toMatch(/^UPDATE [`"]?searchable_vacancies\b/i);
    expect(statements.at(-1)).toMatch(/^INSERT INTO [`"]?labour_monthly\b/i);
    // The seeker's messages (CARD_PLACED, APPLICATION_HIRED) concern only them: written before the vacancy
    // is taken. One read of their login, then both messages at once: one read of the recipient, one inbox
    // insert of the two rows (and one insert of deliveries when a channel is configured; none is here).
    const inbox = statements
      .map((s, i) => (/^INSERT\s+(IGNORE\s+)?INTO\s+[`"]?notifications\b/i.test(s) ? i : -1))
      .filter((i) => i >= 0);
    expect(inbox).toHaveLength(1);
    expect(statements.filter((s) => /FROM [`"]?users[`"]? [`"]?u[`"]?/i.test(s))).toHaveLength(1);
    expect(Math.max(...inbox)).toBeLessThan(vacancy);
    expect(statements.filter((s) => /^SELECT id FROM users WHERE seeker_id\b/i.test(s))).toHaveLength(1);
    expect(statements.some((s) => /notification_deliveries/i.test(s))).toBe(false);
    // The hire's three audit events (application, card, placement) in one INSERT; sixteen statements in
    // all: thirteen for the hire itself with the search row's revision (twenty-one before the hire was
    // reordered and batched; the thirteenth reads which months are closed), three for the seeker's two
    // messages (five before they were told at once). The sector of the placement comes from the vacancy's
    // registration: no employer read.
    expect(statements.filter((s) => /^INSERT INTO [`"]?audit_events\b/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /report_ledger/.test(s))).toHaveLength(1);
    expect(statements.some((s) => /FROM employers/.test(s))).toBe(false);
    expect(statements).toHaveLength(16);
  });

  describe('the owners on their own', () => {
    it('SeekersService.markPlaced wins once; reactivate undoes it when a new card is issued', async () => {
      const seeker = await w.seeker();
      const seekers = w.get(SeekersService);
      await w.tx((m) => seekers.markPlaced(m, seeker.id));
      await expect(w.tx((m) => seekers.markPlaced(m, seeker.id))).rejects.toMatchObject({
        code: 'SEEKER_ALREADY_PLACED',
      });
      await w.get(CardsService).issue(await w.officer(), seeker.id);
      expect((await row(Seeker, seeker.id)).placedAt).toBeNull();
    });

    it('CardsService.closeAsPlaced closes only a card active today, and answers null without one', async () => {
      const seeker = await w.seeker().withActiveCard();
      const cards = w.get(CardsService);
      const actor = await w.officer();
      const facts = {
        employerId: null,
        employerName: 'CV Maju',
        startDate: t.clock.today(),
        source: 'SELF_REPORT' as const,
      };
      expect(await w.tx((m) => cards.closeAsPlaced(m, actor, seeker.id, facts))).toMatchObject({
        id: seeker.card!.id,
        status: 'PLACED',
      });
      expect(await w.tx((m) => cards.closeAsPlaced(m, actor, seeker.id, facts))).toBeNull();
    });

    it('VacanciesService.countHire never goes past the quota; ApplicationsService.closeUndecided closes only undecided ones', async () => {
      const employer = await w.verifiedEmployer().withVacancy({ quota: 2 });
      const [vacancy] = employer.vacancies;
      const vacancies = w.get(VacanciesService);
      const applications = w.get(ApplicationsService);
      const a = await w.seeker({ account: true }).withActiveCard();
      const b = await w.seeker({ account: true }).withActiveCard();
      const appA = await w.application(vacancy, a);
      const appB = await w.application(vacancy, b);
      await applications.withdraw(b.actor!, appB);

      expect(await w.tx((m) => vacancies.countHire(m, null, vacancy.id))).toBe('OPEN');
      expect(await w.tx((m) => vacancies.countHire(m, null, vacancy.id))).toBe('FILLED');
      await expect(w.tx((m) => vacancies.countHire(m, null, vacancy.id))).rejects.toMatchObject({
        code: 'VACANCY_FILLED',
      });

      expect(await w.tx((m) => applications.closeUndecided(m, { vacancyId: vacancy.id }, 'VACANCY_FILLED', null))).toBe(
        1,
      );
      expect(await row(Application, appA)).toMatchObject({ status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
      expect((await row(Application, appB)).status).toBe('WITHDRAWN');
    });
  });
});
