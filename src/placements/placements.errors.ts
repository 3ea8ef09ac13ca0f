import { DomainError } from '../common/domain-error.js';

export const cardNotFound = () =>
  new DomainError(404, 'CARD_NOT_FOUND', 'No issued AK1 card has this number with this NIK.');

/** A hire needs an AK1 that is active today (compare cards.errors' CARD_NOT_ACTIVE, a 409 on the card's own routes). */
export const ak1NotActive = (status: string) =>
  new DomainError(
    422,
    'AK1_NOT_ACTIVE',
    `This AK1 card is ${status}, not active: the hire cannot be recorded against it.`,
  );

export const startDateOutOfRange = () =>
  new DomainError(400, 'VALIDATION_FAILED', 'The start date is not plausible.', [
    { field: 'startDate', messages: ['startDate must be within one year before and 180 days after today'] },
  ]);

/** The recording employer may void its own placement only within this many days of recording it. */
export const EMPLOYER_VOID_DAYS = 7;

export const alreadyVoid = () => new DomainError(409, 'ALREADY_VOID', 'This placement has already been voided.');

export const voidWindowPassed = () =>
  new DomainError(
    403,
    'VOID_WINDOW_PASSED',
    `A company may void its placement only within ${EMPLOYER_VOID_DAYS} days of recording it; please ask the employment office.`,
  );
