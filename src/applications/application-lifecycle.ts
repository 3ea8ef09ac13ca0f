import type { ApplicationStatus } from './application.entity.js';

/**
 * The application's state machine, as ApplicationsService and PlacementsService enforce it:
 *
 *   SUBMITTED ─shortlist→ SHORTLISTED
 *   SUBMITTED / SHORTLISTED (undecided) ─reject→ REJECTED, ─withdraw→ WITHDRAWN, ─hire→ HIRED,
 *                                        ─vacancy ends or seeker placed→ CLOSED
 */
export interface ApplicationState {
  status: ApplicationStatus;
}

export interface ApplicationActions {
  /** The applicant: withdraw it. */
  withdraw: boolean;
  /** The employer: shortlist a new application. */
  shortlist: boolean;
  /** The employer: reject it. */
  reject: boolean;
  /** The employer: record the hire (which also closes the seeker's card). */
  hire: boolean;
}

export function isUndecided(application: ApplicationState): boolean {
  return application.status === 'SUBMITTED' || application.status === 'SHORTLISTED';
}

export function applicationActions(application: ApplicationState): ApplicationActions {
  const undecided = isUndecided(application);
  return {
    withdraw: undecided,
    shortlist: application.status === 'SUBMITTED',
    reject: undecided,
    hire: undecided,
  };
}
