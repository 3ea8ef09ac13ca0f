import { DomainError } from '../common/domain-error.js';

export const duplicateNik = () =>
  new DomainError(409, 'DUPLICATE_NIK', 'A job seeker with this NIK is already registered.');
