import { DomainError, validationFailed } from '../common/domain-error.js';

export const officeExists = (code: string) =>
  new DomainError(409, 'OFFICE_EXISTS', `An office with the code ${code} already exists.`);

export const fieldInvalid = (field: string, message: string) =>
  validationFailed([{ field, messages: [message] }], message);
