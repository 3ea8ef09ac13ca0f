import type { VacancyStatus } from './vacancy.entity.js';

/**
 * The vacancy's state machine, as VacanciesService and ApplicationsService enforce it:
 *
 *   DRAFT ─publish (closing date still ahead)→ OPEN ─last hire→ FILLED
 *     └──────────────close (employer or officer)──┴─close / closing date passed (daily job)→ CLOSED
 *
 * Only DRAFT and OPEN vacancies can be edited or closed. An OPEN vacancy takes applications up to and
 * including its closing date; the daily job closes it the day after.
 */
export interface VacancyState {
  status: VacancyStatus;
  /** The closing date, `YYYY-MM-DD` (Asia/Jakarta). */
  closesAt: string;
}

export interface VacancyActions {
  /** Its employer: change the report's fields. */
  edit: boolean;
  /** Its employer: publish a draft (refused once the closing date is not after today). */
  publish: boolean;
  /** Its employer or an officer: close it by hand. */
  close: boolean;
  /** A job seeker: apply (the seeker's own conditions, such as an AK1 card, are checked on applying). */
  apply: boolean;
}

export function vacancyActions(vacancy: VacancyState, today: string): VacancyActions {
  const editable = vacancy.status === 'DRAFT' || vacancy.status === 'OPEN';
  return {
    edit: editable,
    publish: vacancy.status === 'DRAFT' && vacancy.closesAt > today,
    close: editable,
    apply: vacancy.status === 'OPEN' && vacancy.closesAt >= today,
  };
}
