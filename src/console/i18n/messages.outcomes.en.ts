import type { OUTCOMES_ID } from './messages.outcomes.id.js';

/** English for `messages.outcomes.id.ts` (every key there must be here); spread into `EN`. */
export const OUTCOMES_EN: Record<keyof typeof OUTCOMES_ID, string> = {
  'outcomes.title': 'How much of the register is known',
  'outcomes.intro':
    'Of the AK1 cards that ended in this period, how many ended with a known outcome: the holder was hired or ' +
    'said they are no longer looking for work. A card that simply ran out says nothing.',
  'outcomes.cardsClosed': 'cards ended in the period',
  'outcomes.placed': 'placed',
  'outcomes.withdrawn': 'no longer looking',
  'outcomes.revoked': 'revoked',
  'outcomes.expired': 'ran out with nothing said',
  'outcomes.rate': 'Outcome known',
  'outcomes.rateText': 'Outcome known: {share} of {n} cards that ended',
  'outcomes.byMonth': 'Ended cards with a known outcome, by month',
  'outcomes.byMonthNone': 'no card ended',
  'outcomes.vacancies': 'Vacancies closed',
  'outcomes.vacanciesClosed': 'vacancies closed in the period',
  'outcomes.vacanciesWithOutcome': 'filled, or their outcome reported',
  'outcomes.vacanciesWithout': 'with no word on who was hired',
  'outcomes.hiredWithoutAk1': 'vacancies filled by someone without an AK1 card',
  'outcomes.silentLink': 'Employers that closed vacancies without reporting the outcome',
  'outreach.silentClosures': 'Only employers that closed vacancies without saying who they hired',
  'outreach.silentClosuresHint':
    'Verified employers with a vacancy closed in this period, positions left unfilled, and no outcome reported — ' +
    'whether they take part or not.',
  'outreach.silentCount': '{n} employers closed vacancies without reporting the outcome in {from} – {to}',
  'campaign.silentClosures': 'Vacancies closed without an outcome',
  'campaign.silentClosuresAny': 'Either',
  'campaign.silentClosuresTrue': 'Only those that closed vacancies without reporting the outcome',
  'campaign.silentClosuresFalse': 'Only those that did not',
  'campaign.silentClosuresHint': 'Judged in the same period as participation.',
  'fielderr.campaign.audience.silentClosures': 'Choose one of the options.',
};
