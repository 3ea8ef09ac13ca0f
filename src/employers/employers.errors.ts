import { DomainError } from '../common/domain-error.js';

export const duplicateEmployer = () =>
  new DomainError(409, 'DUPLICATE_EMPLOYER', 'A company with this NIB is already registered.');
