import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../../src/auth/auth.service';
import { CardsService } from '../../src/cards/cards.service';
import type { CardView } from '../../src/cards/card-view';
import type { AuthUser } from '../../src/common/auth/auth-user';
import type { TestClock } from '../../src/common/clock';
import { Transactions } from '../../src/database/transactions';
import { EmployersService } from '../../src/employers/employers.service';
import { SeekersService } from '../../src/seekers/seekers.service';
import type { SeekerView } from '../../src/seekers/seeker.entity';
import { UsersService } from '../../src/users/users.service';
import { VacanciesService } from '../../src/vacancies/vacancies.service';
import type { VacancyView } from '../../src/vacancies/vacancy.entity';
import { ApplicationsService } from '../../src/applications/applications.service';
import { companyBody, PASSWORD, seekerProfile, uniq, vacancyBody, type Session } from './factories';

/**
 * Fluent factories that build a test's own world through the owners (no HTTP), for the middle tier and
 * for e2e set-ups that only need data to exist:
 *
 *   const w = world(t);
 *   const employer = await w.verifiedEmployer().withVacancy({ quota: 2 });
 *   const seeker = await w.seeker().withActiveCard();
 *   await w.application(employer.vacancies[0], seeker);
 *
 * Each call makes new people and companies (unique emails, NIB and NIK), so tests never share state.
 */
export function world(t: { app: INestApplicationContext; clock: TestClock }): World {
  return new World(t.app, t.clock);
}

export interface EmployerFixture {
  id: string;
  legalName: string;
  /** Its first HR user, as the owners see a signed-in caller. */
  actor: AuthUser;
  vacancies: VacancyView[];
}

export interface SeekerFixture {
  id: string;
  nik: string;
  fullName: string;
  /** Set for a seeker who registered themself (`world.seeker({ account: true })`). */
  actor: AuthUser | null;
  card: CardView | null;
}

export class World {
  private officerActor: Promise<AuthUser> | null = null;

  constructor(
    readonly app: INestApplicationContext,
    readonly clock: TestClock,
  ) {}

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type, { strict: false });
  }

  /** Runs `work` in one transaction, as a use case would. */
  tx<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.get(Transactions).run(work);
  }

  /** An officer of the office (made once per world). */
  officer(): Promise<AuthUser> {
    this.officerActor ??= this.tx(async (m) => {
      const user = await this.get(UsersService).create(m, {
        email: `${uniq('officer')}@disnaker.test`,
        password: PASSWORD,
        fullName: 'Petugas Uji',
        role: 'officer',
      });
      return { id: user.id, role: 'officer' as const, email: user.email, employerId: null, seekerId: null };
    });
    return this.officerActor;
  }

  /** A signed-in session of a world's user (through AuthService, no HTTP), for specs that go on over HTTP. */
  async session(actor: AuthUser): Promise<Session> {
    const reply = await this.get(AuthService).login({ email: actor.email, password: PASSWORD }, `world-${actor.id}`);
    return { token: reply.accessToken, refreshToken: reply.refreshToken, userId: actor.id, email: actor.email };
  }

  /** A company that registered and waits, PENDING. */
  employer(company: Record<string, unknown> = {}): EmployerBuilder {
    return new EmployerBuilder(this, false, company);
  }

  /** A company the office has verified. */
  verifiedEmployer(company: Record<string, unknown> = {}): EmployerBuilder {
    return new EmployerBuilder(this, true, company);
  }

  /** A job seeker: a walk-in (no login) unless `account` is asked for. */
  seeker(overrides: Record<string, unknown> & { account?: boolean } = {}): SeekerBuilder {
    return new SeekerBuilder(this, overrides);
  }

  /** An undecided application of the seeker to the vacancy, through its owner. */
  async application(vacancy: { id: string }, seeker: SeekerFixture): Promise<string> {
    if (!seeker.actor)
      throw new Error('world.application needs a seeker with an account: world.seeker({ account: true })');
    const app = await this.get(ApplicationsService).apply(seeker.actor, vacancy.id, {});
    return app.id;
  }
}

/** A thenable builder: `await w.verifiedEmployer().withVacancy()` builds it. */
abstract class Builder<T> implements PromiseLike<T> {
  protected abstract build(): Promise<T>;

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ) {
    return this.build().then(onFulfilled, onRejected);
  }
}

export class EmployerBuilder extends Builder<EmployerFixture> {
  private readonly vacancies: Record<string, unknown>[] = [];

  constructor(
    private readonly w: World,
    private readonly verified: boolean,
    private readonly company: Record<string, unknown>,
  ) {
    super();
  }

  /** One more OPEN vacancy of this company (a complete report closing in 30 days; override any field). */
  withVacancy(overrides: Record<string, unknown> = {}): this {
    this.vacancies.push(overrides);
    return this;
  }

  protected async build(): Promise<EmployerFixture> {
    const employers = this.w.get(EmployersService);
    const email = `${uniq('hr')}@company.test`;
    const { user, employer } = await employers.register({
      email,
      password: PASSWORD,
      fullName: 'Staf HR',
      company: companyBody(this.company),
    } as never);
    if (this.verified) await employers.verify(await this.w.officer(), employer.id);
    const actor: AuthUser = { id: user.id, role: 'employer', email, employerId: employer.id, seekerId: null };
    const vacancies: VacancyView[] = [];
    for (const overrides of this.vacancies)
      vacancies.push(await this.w.get(VacanciesService).create(actor, vacancyReport(this.w.clock, overrides) as never));
    return { id: employer.id, legalName: employer.legalName, actor, vacancies };
  }
}

export class SeekerBuilder extends Builder<SeekerFixture> {
  private card: 'none' | 'active' | 'pending' = 'none';

  constructor(
    private readonly w: World,
    private readonly overrides: Record<string, unknown> & { account?: boolean },
  ) {
    super();
  }

  /** Issued at the counter (walk-in) or requested and approved (with an account): ACTIVE today. */
  withActiveCard(): this {
    this.card = 'active';
    return this;
  }

  /** Requested online and not yet decided (needs an account). */
  withPendingCard(): this {
    this.card = 'pending';
    return this;
  }

  protected async build(): Promise<SeekerFixture> {
    const { account, ...fields } = this.overrides;
    const profile = seekerProfile(fields);
    const seekers = this.w.get(SeekersService);
    const cards = this.w.get(CardsService);
    const officer = await this.w.officer();
    let seeker: SeekerView;
    let actor: AuthUser | null = null;
    if (account || this.card === 'pending') {
      const email = `${uniq('seeker')}@mail.test`;
      const registered = await seekers.register({ ...profile, email, password: PASSWORD } as never);
      seeker = registered.seeker;
      actor = { id: registered.user.id, role: 'seeker', email, employerId: null, seekerId: seeker.id };
    } else {
      seeker = await seekers.createWalkIn(officer, profile as never);
    }
    let card: CardView | null = null;
    if (this.card === 'pending') card = await cards.request(actor!);
    if (this.card === 'active')
      card = actor
        ? await cards.approve(officer, (await cards.request(actor)).id)
        : await cards.issue(officer, seeker.id);
    return { id: seeker.id, nik: profile.nik as string, fullName: seeker.fullName, actor, card };
  }
}

/** The factories' complete vacancy report (closing in 30 days), open to anyone a world makes: no age or experience bar. */
function vacancyReport(clock: TestClock, overrides: Record<string, unknown>): Record<string, unknown> {
  const open = { title: `Operator ${uniq('Produksi')}`, ageMin: null, ageMax: null, experienceYearsMin: null };
  return vacancyBody({ clock }, { ...open, ...overrides });
}

/** A random id, for asserting 404s on ids that name nothing. */
export const nothing = (): string => randomUUID();
