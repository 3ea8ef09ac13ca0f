import { DomainError } from '../common/domain-error.js';

export const cardAlreadyHeld = () =>
  new DomainError(409, 'CARD_ALREADY_HELD', 'This person already holds a pending or active AK1 card.');

export const invalidCardNumber = () =>
  new DomainError(400, 'INVALID_CARD_NUMBER', 'The card number is not valid: check it for a typing error.');

export const cardNumberTaken = () =>
  new DomainError(409, 'DUPLICATE_CARD_NUMBER', 'A card with this number already exists.');

export const cardNotActive = (status: string) =>
  new DomainError(409, 'CARD_NOT_ACTIVE', `Only an ACTIVE card can do this; this card is ${status}.`);

export const serialsExhausted = () =>
  new DomainError(503, 'CARD_SERIALS_EXHAUSTED', 'No card serials are left for this region and year.');

/** A voided placement's card cannot return: it is no longer PLACED, or the holder holds a newer card. */
export const supersededCard = () =>
  new DomainError(
    409,
    'PLACEMENT_SUPERSEDED',
    'The job seeker has a newer card or a later placement since this one; it can no longer be voided.',
  );
