import type { CardValidation } from './card-validation.entity.js';

/** What the record of a check needs; the card is null when none matched (NOT_FOUND). */
export type CardValidationRowFields = Pick<
  CardValidation,
  'id' | 'employerId' | 'userId' | 'cardNumber' | 'channel' | 'result' | 'checkedAt'
> &
  Partial<CardValidation>;

/**
 * The complete `card_validations` row, every column set. Pure: the id and the instant come from the
 * caller. CardValidationService records it; the seed writes it in bulk.
 */
export function newCardValidationRow(v: CardValidationRowFields): CardValidation {
  return {
    id: v.id,
    employerId: v.employerId,
    userId: v.userId,
    cardId: v.cardId ?? null,
    cardNumber: v.cardNumber,
    channel: v.channel,
    result: v.result,
    checkedAt: v.checkedAt,
  };
}
