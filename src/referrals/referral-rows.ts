import type { Referral } from './referral.entity.js';

/** What a referral needs; the note is optional. */
export type ReferralRowFields = Pick<
  Referral,
  'id' | 'vacancyId' | 'seekerId' | 'employerId' | 'referredBy' | 'referredAt'
> &
  Partial<Referral>;

/** The complete `referrals` row, every column set. Pure: the id and the instant come from the caller. */
export function newReferralRow(r: ReferralRowFields): Referral {
  return {
    id: r.id,
    vacancyId: r.vacancyId,
    seekerId: r.seekerId,
    employerId: r.employerId,
    note: r.note ?? null,
    referredBy: r.referredBy,
    referredAt: r.referredAt,
  };
}
