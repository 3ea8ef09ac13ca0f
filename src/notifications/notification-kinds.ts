/**
 * What the platform tells people, and what each message needs to be written. The contract's kinds
 * (api.md, "Notifications") appear in the inbox; the account mails (a password reset, an email
 * check) go by email only and never to the inbox, because their link is a secret.
 */
export const NOTIFICATION_KINDS = [
  'CARD_APPROVED',
  'CARD_REJECTED',
  'CARD_REPORT_DUE',
  'CARD_REPORT_OVERDUE',
  'CARD_EXPIRING',
  'CARD_PLACED',
  'DOCUMENT_REJECTED',
  'APPLICATION_RECEIVED',
  'APPLICATION_SHORTLISTED',
  'APPLICATION_REJECTED',
  'APPLICATION_CLOSED',
  'APPLICATION_HIRED',
  'EMPLOYER_VERIFIED',
  'EMPLOYER_REJECTED',
  'EMPLOYER_SUSPENDED',
  'VACANCY_CLOSING',
  'VACANCY_OUTCOME',
  'OUTREACH',
  'PLACEMENT_VOIDED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ACCOUNT_MAIL_KINDS = ['PASSWORD_RESET', 'EMAIL_VERIFICATION'] as const;
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

export type MessageKind = NotificationKind | AccountMailKind;

/** Calendar dates are `YYYY-MM-DD` (Asia/Jakarta); instants are ISO-8601 UTC. Nothing here is an NIK. */
export interface MessageParams {
  CARD_APPROVED: { cardNumber: string; validUntil: string };
  CARD_REJECTED: { reason: string };
  CARD_REPORT_DUE: { cardNumber: string; dueDate: string };
  CARD_REPORT_OVERDUE: { cardNumber: string; dueDate: string };
  CARD_EXPIRING: { cardNumber: string; expiresOn: string };
  CARD_PLACED: { cardNumber: string; employerName: string; startDate: string };
  /** An officer rejected one of the seeker's documents (type as in api.md: KTP, IJAZAH, …), with the reason. */
  DOCUMENT_REJECTED: { documentType: string; reason: string };
  /** To the employer's staff: which vacancy, not who (the applicant's name stays in the console). */
  APPLICATION_RECEIVED: { vacancyId: string; vacancyTitle: string };
  APPLICATION_SHORTLISTED: { vacancyTitle: string; employerName: string };
  APPLICATION_REJECTED: { vacancyTitle: string; employerName: string };
  /** The application ended without a decision: the vacancy closed, or the seeker was placed elsewhere. */
  APPLICATION_CLOSED: { vacancyTitle: string; employerName: string; because: 'VACANCY_CLOSED' | 'PLACED_ELSEWHERE' };
  APPLICATION_HIRED: { vacancyTitle: string; employerName: string; startDate: string };
  EMPLOYER_VERIFIED: { legalName: string };
  EMPLOYER_REJECTED: { legalName: string; reason: string };
  EMPLOYER_SUSPENDED: { legalName: string; reason: string };
  VACANCY_CLOSING: { vacancyId: string; vacancyTitle: string; closesOn: string };
  /** To the employer's staff: the vacancy closed with `filled` of `positions` filled — who did you hire? */
  VACANCY_OUTCOME: { vacancyId: string; vacancyTitle: string; positions: number; filled: number };
  OUTREACH: { title: string; message: string };
  /** A placement recorded by mistake was voided: told to the seeker and to the recording employer's staff. */
  PLACEMENT_VOIDED: { audience: 'SEEKER' | 'EMPLOYER'; employerName: string; startDate: string; position: string };
  PASSWORD_RESET: { token: string; expiresAt: string };
  EMAIL_VERIFICATION: { token: string };
}

export type Lang = 'id' | 'en';

/** One message, written for one reader in one language, for every channel. */
export interface RenderedMessage {
  /** Inbox title and email subject: one short line. */
  title: string;
  /** Inbox text and the email's plain body (without the link): a few sentences, WhatsApp-short. */
  body: string;
  /** The console page the message points to, absolute (linkBase + path). */
  link: string;
  email: { subject: string; text: string; html: string };
  /** A template approved in WhatsApp Business Manager and its body parameters, in order. */
  whatsapp: { template: string; params: string[] };
}
