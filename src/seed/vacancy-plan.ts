/**
 * The state the vacancy kind shares with the card kind while cards are written: every vacancy's planned
 * life (`VacancyPlan`, filled by `planVacancies` in vacancies.ts) and the applications decided along
 * the way (`ApplicationIntents`). Plain data, so the run (run.ts) can hold them without importing the kinds.
 */

export interface VacancyPlan {
  count: number;
  ids: string[];
  employer: Int32Array;
  template: Uint8Array;
  /** Index into EDUCATION_LEVELS of the minimum. */
  education: Uint8Array;
  gender: Uint8Array;
  quota: Int32Array;
  requiresAk1: Uint8Array;
  end: Uint8Array;
  createdDay: Int32Array;
  /** -1 for drafts. */
  publishDay: Int32Array;
  closesDay: Int32Array;
  /** Last day it takes applications and hires (inclusive); -1 for drafts. */
  lastOpenDay: Int32Array;
  /** The day it is closed by hand (END.BY_*). */
  closeDay: Int32Array;
  /** Hires recorded against it, and the instant (ms) of the latest. */
  filled: Int32Array;
  lastHireAt: Float64Array;
  /** Vacancy indexes per employer, by publish day. */
  byEmployer: Map<number, number[]>;
  /** Published vacancies by publish day, and where each day starts in that list. */
  byPublish: Int32Array;
  dayStart: Int32Array;
  firstDay: number;
}

/**
 * Applications decided while cards are written, resolved once vacancies' ends are known. Entry `n` is
 * written with id number `n`, so hires can name their application before it is written.
 */
export class ApplicationIntents {
  count = 0;
  seeker = new Int32Array(1024);
  vacancy = new Int32Array(1024);
  applyDay = new Int32Array(1024);
  /** Day the seeker was placed (anywhere), or -1. */
  placedDay = new Int32Array(1024);
  /** The hire's instant (ms) for applications that led to one; 0 otherwise. */
  hiredAt = new Float64Array(1024);

  add(seeker: number, vacancy: number, applyDay: number, placedDay: number, hiredAt: number): number {
    if (this.count === this.seeker.length) this.grow();
    const n = this.count++;
    this.seeker[n] = seeker;
    this.vacancy[n] = vacancy;
    this.applyDay[n] = applyDay;
    this.placedDay[n] = placedDay;
    this.hiredAt[n] = hiredAt;
    return n;
  }

  private grow(): void {
    const size = this.seeker.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.seeker = copy(this.seeker, (n) => new Int32Array(n));
    this.vacancy = copy(this.vacancy, (n) => new Int32Array(n));
    this.applyDay = copy(this.applyDay, (n) => new Int32Array(n));
    this.placedDay = copy(this.placedDay, (n) => new Int32Array(n));
    this.hiredAt = copy(this.hiredAt, (n) => new Float64Array(n));
  }
}
