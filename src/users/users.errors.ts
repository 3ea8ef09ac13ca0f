import { DomainError } from '../common/domain-error.js';

export const duplicateEmail = () =>
  new DomainError(409, 'DUPLICATE_EMAIL', 'An account with this email address already exists.');
