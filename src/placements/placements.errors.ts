import { DomainError } from '../common/domain-error.js';

export const seekerAlreadyPlaced = () =>
  new DomainError(409, 'SEEKER_ALREADY_PLACED', 'This job seeker has already been placed; a hire cannot be recorded twice.');

export const cardNotFound = () =>
  new DomainError(404, 'CARD_NOT_FOUND', 'No issued AK1 card has this number with this NIK.');

export const cardNotActive = (status: string) =>
  new DomainError(422, 'AK1_NOT_ACTIVE', `This AK1 card is ${status}, not active: the hire cannot be recorded against it.`);

export const startDateOutOfRange = () =>
  new DomainError(400, 'VALIDATION_FAILED', 'The start date is not plausible.', [
    { field: 'startDate', messages: ['startDate must be within one year before and 180 days after today'] },
  ]);
