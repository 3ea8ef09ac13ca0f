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

/**
 * The file of a REJECTED document the daily job deleted (REJECTED_DOCUMENT_RETENTION_DAYS): 410, not 404 —
 * the document still exists (the checklist lists it with its reason) and its file will never come back.
 */
export const documentPurged = (days: number) =>
  new DomainError(
    410,
    'DOCUMENT_PURGED',
    `The file was deleted ${days} days after it was rejected; please upload the document again.`,
  );
