import type { STILL_LOOKING_ID } from './messages.still-looking.id.js';

/** English texts of the "are you still looking for work?" answers, the withdraw form and WITHDRAWN. */
export const STILL_LOOKING_EN: Record<keyof typeof STILL_LOOKING_ID, string> = {
  'officer.withdrawForHolder': 'Record: the holder is no longer looking for work',
  'ok.cardWithdrawnForHolder': 'Card closed: the holder is no longer looking for work.',
  'card.withdrawnReason': 'Reason for no longer looking',
  'auditAction.card.withdrawn': 'Card closed: no longer looking for work',
  'auditSentence.card.withdrawn':
    'AK1 card {card} ({seeker}) closed by {actor}: the holder is no longer looking for work.',
  'card.WITHDRAWN': 'No longer looking for work',
  'checkResult.WITHDRAWN': 'The holder said they are no longer looking for work. This card is no longer active.',
  'closedReason.SEEKER_WITHDRAWN': 'You said you are no longer looking for work',
  'ok.cardWithdrawn':
    'Thank you for letting us know. Your AK1 card is now closed. If you look for work again one day, you can apply for a new card on this page.',
  'still.title': 'Are you still looking for work?',
  'still.intro': 'Just pick one answer. It helps the labour office know who still needs help finding work.',
  'still.looking': 'Still looking for work',
  'still.lookingHint': 'Make the six-monthly report to keep your card active.',
  'still.hired': 'I have a job',
  'still.hiredHint': 'Record where you work and when you started.',
  'still.stopped': 'No longer looking for work',
  'still.stoppedHint': 'Close your AK1 card. You can apply for a new one later.',
  'still.noCard':
    'You do not have an active AK1 card at the moment, so there is nothing to answer. Your card status is below.',
  'report.pageIntro':
    'By reporting, you confirm that you are still looking for work. Your card stays active and your next report date is updated.',
  'withdraw.title': 'No longer looking for work',
  'withdraw.intro':
    'If you are no longer looking for work, you can close your AK1 card here. Please choose the reason that fits best.',
  'withdraw.reason': 'Reason',
  'withdraw.reason.SELF_EMPLOYED': 'Starting my own business',
  'withdraw.reason.EDUCATION': 'Continuing my education',
  'withdraw.reason.FAMILY': 'Caring for my family or household',
  'withdraw.reason.MOVED': 'Moving out of the area',
  'withdraw.reason.HEALTH': 'Health reasons',
  'withdraw.reason.OTHER': 'Other',
  'withdraw.other': 'Other reason',
  'withdraw.otherHint': 'Fill in if you chose "Other" (3–500 characters).',
  'withdraw.note':
    'Your AK1 card will be closed and can no longer be used to apply or be shown to employers. Your applications still waiting for a decision close too. You can apply for a new card at any time if you look for work again.',
  'withdraw.submit': 'Close my card',
  'withdraw.confirm': 'Close your AK1 card now?',
  'withdraw.back': 'Back to my card',
  'withdraw.pickReason': 'Choose a reason, or choose "Other" and write your reason (3–500 characters).',
  'hired.prefilled': 'We filled in part of the form from your application. Check it and change it if needed.',
};
