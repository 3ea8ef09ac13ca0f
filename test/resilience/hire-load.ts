import {
  postVacancy,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';
import { call, idempotencyKey, inParallel, officerSession, remote, sleep, type Reply } from './support';

/** Employers with open vacancies and walk-in seekers holding ACTIVE cards, made over HTTP. */
export interface HiringWorld {
  officer: Session;
  employers: EmployerSession[];
  vacancies: { id: string; employerIndex: number }[];
  seekers: { seekerId: string; nik: string; cardNumber: string }[];
  /** The next seeker nobody tried to hire yet (shared by the loads run on this world). */
  cursor: number;
}

export async function makeHiringWorld(
  base: string,
  size: { employers: number; vacanciesPerEmployer: number; quota: number; seekers: number },
): Promise<HiringWorld> {
  const t = remote(base);
  const officer = await officerSession(base);
  const employers: EmployerSession[] = [];
  for (let i = 0; i < size.employers; i++) employers.push(await verifiedEmployer(t, officer));
  const vacancies: HiringWorld['vacancies'] = [];
  for (let e = 0; e < employers.length; e++) {
    for (let v = 0; v < size.vacanciesPerEmployer; v++)
      vacancies.push({ id: (await postVacancy(t, employers[e], { quota: size.quota })).id, employerIndex: e });
  }
  const seekers = await inParallel(Array.from({ length: size.seekers }), 8, async () => {
    const s = await walkInSeekerWithCard(t, officer);
    return { seekerId: s.seekerId, nik: s.nik, cardNumber: s.card.cardNumber };
  });
  return { officer, employers, vacancies, seekers, cursor: 0 };
}

export interface Outcome extends Reply {
  kind: 'hire' | 'validation';
  seekerId: string;
}

/**
 * A bounded mixed load: `workers` loops that validate random cards and, at a fixed pace, record the hire
 * of the next unhired seeker (POST /placements by card number + NIK; two in three name one of the
 * employer's vacancies, half carry an Idempotency-Key). Each seeker is hired at most once, each request
 * gives up after `timeoutMs`, and the load ends at `stop()` or when `maxRequests` were sent.
 */
export class HireLoad {
  readonly outcomes: Outcome[] = [];
  private nextHireAt = 0;
  private stopped = false;
  private sent = 0;
  private running: Promise<void> | null = null;

  constructor(
    private base: string,
    private readonly world: HiringWorld,
    private readonly opts: {
      workers: number;
      hiresPerSecond: number;
      pauseMs: number;
      timeoutMs: number;
      maxRequests: number;
    },
  ) {}

  /** Points the load at another process (after a restart on a new port). */
  retarget(base: string): void {
    this.base = base;
  }

  start(): void {
    this.nextHireAt = Date.now();
    this.running = Promise.all(Array.from({ length: this.opts.workers }, () => this.worker())).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  get hires(): Outcome[] {
    return this.outcomes.filter((o) => o.kind === 'hire');
  }

  /** Hires answered 201, as the placements they claim to have written. */
  get acknowledged(): { placementId: string; seekerId: string }[] {
    return this.hires
      .filter((o) => o.status === 201)
      .map((o) => ({ placementId: o.body.id as string, seekerId: o.seekerId }));
  }

  private async worker(): Promise<void> {
    while (!this.stopped && this.sent < this.opts.maxRequests) {
      this.sent++;
      const now = Date.now();
      if (now >= this.nextHireAt && this.world.cursor < this.world.seekers.length) {
        this.nextHireAt = now + 1000 / this.opts.hiresPerSecond;
        this.outcomes.push(await this.hire(this.world.cursor++));
      } else {
        this.outcomes.push(await this.validate());
      }
      await sleep(this.opts.pauseMs);
    }
  }

  private async hire(i: number): Promise<Outcome> {
    const seeker = this.world.seekers[i];
    const employerIndex = i % this.world.employers.length;
    const own = this.world.vacancies.filter((v) => v.employerIndex === employerIndex);
    const vacancy = i % 3 === 2 || own.length === 0 ? undefined : own[i % own.length];
    const reply = await call(this.base, 'POST', '/api/v1/placements', {
      token: this.world.employers[employerIndex].token,
      headers: i % 2 === 0 ? { 'Idempotency-Key': idempotencyKey() } : {},
      body: {
        cardNumber: seeker.cardNumber,
        nik: seeker.nik,
        startDate: todayInJakarta(),
        position: 'Operator produksi',
        ...(vacancy ? { vacancyId: vacancy.id } : {}),
      },
      timeoutMs: this.opts.timeoutMs,
    });
    return { ...reply, kind: 'hire', seekerId: seeker.seekerId };
  }

  private async validate(): Promise<Outcome> {
    const seeker = this.world.seekers[Math.floor(Math.random() * this.world.seekers.length)];
    const employer = this.world.employers[Math.floor(Math.random() * this.world.employers.length)];
    const reply = await call(this.base, 'POST', '/api/v1/card-validations', {
      token: employer.token,
      body: { cardNumber: seeker.cardNumber, nik: seeker.nik },
      timeoutMs: this.opts.timeoutMs,
    });
    return { ...reply, kind: 'validation', seekerId: seeker.seekerId };
  }
}

function todayInJakarta(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** "status(code)" → count, for failure messages and the report. */
export function tally(outcomes: Reply[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) {
    const key =
      o.status === 0
        ? o.timedOut
          ? 'timeout'
          : `no answer (${o.error})`
        : o.body?.code
          ? `${o.status} ${o.body.code}`
          : String(o.status);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
