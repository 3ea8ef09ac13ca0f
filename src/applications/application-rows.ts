import type { ApplicationConsent } from './application-consent.entity.js';
import type { Application } from './application.entity.js';

/**
 * What a new application needs; it is undecided, without a cover letter and without consent to share
 * contact details unless said otherwise.
 */
export type ApplicationRowFields = Pick<
  Application,
  'id' | 'vacancyId' | 'seekerId' | 'employerId' | 'status' | 'appliedAt'
> &
  Partial<Application>;

/**
 * The complete `applications` row, every column set; last updated when it was made unless said
 * otherwise. Pure: the id and the instants come from the caller. ApplicationsService inserts it; the seed
 * writes it in bulk.
 */
export function newApplicationRow(a: ApplicationRowFields): Application {
  return {
    id: a.id,
    vacancyId: a.vacancyId,
    seekerId: a.seekerId,
    employerId: a.employerId,
    status: a.status,
    closedReason: a.closedReason ?? null,
    coverLetter: a.coverLetter ?? null,
    shareContact: a.shareContact ?? false,
    appliedAt: a.appliedAt,
    decidedAt: a.decidedAt ?? null,
    decidedBy: a.decidedBy ?? null,
    updatedAt: a.updatedAt ?? a.appliedAt,
  };
}

/** One logged consent choice of an applicant (`application_consents`). Pure, like the row above. */
export function newApplicationConsentRow(c: ApplicationConsent): ApplicationConsent {
  return {
    id: c.id,
    applicationId: c.applicationId,
    seekerId: c.seekerId,
    shareContact: c.shareContact,
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt,
  };
}
