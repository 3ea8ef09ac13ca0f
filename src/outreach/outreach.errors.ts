import { DomainError, invalidTransition, notFound } from '../common/domain-error.js';

export const campaignNotFound = () => notFound('The outreach campaign');

export const emptyAudience = () =>
  new DomainError(422, 'EMPTY_AUDIENCE', 'No employer matches this audience; widen the filters. Nothing was saved.');

export const campaignAlreadySent = () => invalidTransition('This outreach campaign has already been sent.');
