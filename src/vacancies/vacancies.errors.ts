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
