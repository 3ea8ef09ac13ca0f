import { DomainError } from '../common/domain-error.js';

/** A requirement of the checklist no SUBMITTED or VERIFIED document satisfies. */
export interface MissingRequirement {
  requirement: string;
}

export const documentsIncomplete = (missing: MissingRequirement[]) =>
  new DomainError(
    422,
    'DOCUMENTS_INCOMPLETE',
    `Documents are missing: ${missing.map((r) => r.requirement).join(', ')}.`,
    missing,
  );
