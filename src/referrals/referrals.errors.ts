import { DomainError } from '../common/domain-error.js';

export const duplicateReferral = () =>
  new DomainError(409, 'DUPLICATE_REFERRAL', 'This job seeker has already been referred to this vacancy.');

export const seekerAlreadyApplied = () =>
  new DomainError(
    409,
    'SEEKER_ALREADY_APPLIED',
    'This job seeker has already applied to this vacancy; the employer has the application.',
  );

export const referralNeedsActiveCard = () =>
  new DomainError(422, 'AK1_REQUIRED', 'Only a job seeker holding an AK1 card that is active today can be referred.');

export const placedSeekerNotReferred = () =>
  new DomainError(
    422,
    'SEEKER_ALREADY_PLACED',
    'This job seeker is recorded as placed in a job and is not looking for work.',
  );
