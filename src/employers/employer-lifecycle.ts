import type { EmployerStatus } from './employer.entity.js';

/**
 * The employer's state machine, as EmployersService enforces it (conditional updates from the listed
 * states only):
 *
 *   PENDING ─verify→ VERIFIED ─suspend→ SUSPENDED ─reinstate→ VERIFIED
 *      └─reject→ REJECTED
 *
 * Only staff of a VERIFIED employer post and publish vacancies, check AK1 cards and record hires
 * (VerifiedEmployerGuard reads the status on every request).
 */
export interface EmployerState {
  status: EmployerStatus;
}

export interface EmployerActions {
  /** Officer: verify or reject a registration waiting for verification. */
  verify: boolean;
  reject: boolean;
  /** Officer: suspend a verified employer, with a reason. */
  suspend: boolean;
  /** Officer: lift a suspension. */
  reinstate: boolean;
  /** The employer's staff: post vacancies, check cards, record hires. */
  actAsVerified: boolean;
}

export function employerActions(employer: EmployerState): EmployerActions {
  const s = employer.status;
  return {
    verify: s === 'PENDING',
    reject: s === 'PENDING',
    suspend: s === 'VERIFIED',
    reinstate: s === 'SUSPENDED',
    actAsVerified: s === 'VERIFIED',
  };
}
