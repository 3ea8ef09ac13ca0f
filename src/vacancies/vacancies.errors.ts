import { DomainError } from '../common/domain-error.js';

export const vacancyNotFound = () => new DomainError(404, 'NOT_FOUND', 'The vacancy was not found.');

export const closingDatePassed = (closesAt: string) =>
  new DomainError(
    422,
    'CLOSING_DATE_PASSED',
    `The closing date ${closesAt} is not after today: move it forward before publishing.`,
  );

export const quotaBelowFilled = (quota: number, filled: number) =>
  new DomainError(422, 'QUOTA_BELOW_FILLED', `The quota cannot be ${quota}: ${filled} position(s) are already filled.`);

export const vacancyNotOpen = () => new DomainError(409, 'VACANCY_NOT_OPEN', 'The vacancy is not open.');

export const vacancyFull = () =>
  new DomainError(409, 'VACANCY_FILLED', 'Every position of this vacancy is already filled.');

/** An outcome is said of a vacancy that has closed; an OPEN one may still be filled the usual way. */
export const vacancyStillOpen = () =>
  new DomainError(
    409,
    'VACANCY_STILL_OPEN',
    'The vacancy is still open: record hires through its applications or a direct placement, or close it first.',
  );

export const tooManyHires = (unfilled: number) =>
  new DomainError(
    422,
    'TOO_MANY_HIRES',
    `More hires than the positions left unfilled: ${unfilled} position(s) remain.`,
    [{ field: 'hires', messages: [`at most ${unfilled} hire(s): the positions left unfilled`] }],
  );
