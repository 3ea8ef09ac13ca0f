import type { VOID_ID } from './messages.void.id.js';

/** English texts of voiding a placement recorded by mistake. */
export const VOID_EN: Record<keyof typeof VOID_ID, string> = {
  'placement.RECORDED': 'Recorded',
  'placement.VOID': 'Voided',
  'voidPlacement.cardTitle': 'Placements recorded with this card',
  'voidPlacement.employerTitle': 'Hires you recorded',
  'voidPlacement.none': 'No hire has been recorded yet.',
  'voidPlacement.item': '{employer} as {position}, from {date}',
  'voidPlacement.noPosition': 'position not given',
  'voidPlacement.recordedOn': 'Recorded on {date}',
  'voidPlacement.voidedOn': 'Voided on {date}',
  'voidPlacement.reasonLabel': 'Reason for voiding',
  'voidPlacement.button': 'Void the placement',
  'voidPlacement.reasonField': 'Why was this placement a mistake?',
  'voidPlacement.confirmOfficer':
    "This placement will be voided. The job seeker's AK1 card becomes active again (or expired if it is past its date), their application returns to shortlisted, and the vacancy's position opens again. The job seeker and the company will be told, and the audit trail records it.",
  'voidPlacement.confirmEmployer':
    "This hire will be voided because it was recorded by mistake. The worker's AK1 card becomes active again, their application returns to shortlisted, and the vacancy's position opens again. The worker and the employment office will know.",
  'voidPlacement.confirmButton': 'Yes, void the placement',
  'voidPlacement.employerWindow':
    'You can void a hire yourself within 7 days of recording it. After that, please contact the employment office.',
  'ok.placementVoided':
    'The placement was voided. The AK1 card, the application and the vacancy are restored, and those concerned have been told.',
  'error.ALREADY_VOID': 'This placement has already been voided.',
  'error.VOID_WINDOW_PASSED':
    'This hire was recorded more than 7 days ago, so the company account can no longer void it. Please contact the employment office.',
  'error.PLACEMENT_SUPERSEDED':
    'This placement cannot be voided: the job seeker has a newer card or a later placement.',
  'auditAction.placement.voided': 'Placement voided',
  'auditAction.card.placement-voided': 'Card reopened: placement voided',
  'auditAction.application.hire-voided': 'Hire of the applicant voided',
  'auditAction.vacancy.reopened': 'Vacancy reopened',
  'auditAction.seeker.placement-voided': 'Job seeker active again: placement voided',
};
