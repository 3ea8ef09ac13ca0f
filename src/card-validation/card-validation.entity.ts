import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CardValidationRecordReply } from './dto/card-validation.reply.js';

export const VALIDATION_RESULTS = ['VALID', 'EXPIRED', 'PLACED', 'REVOKED', 'WITHDRAWN', 'NOT_FOUND'] as const;
export type ValidationResult = (typeof VALIDATION_RESULTS)[number];

/**
 * How the employer presented the card: typed number + NIK, a scanned signed credential, or number + NIK
 * in a direct hire (`POST /placements`, which checks the card exactly like a validation does).
 */
export type ValidationChannel = 'NUMBER' | 'CREDENTIAL' | 'PLACEMENT';

/** One check an employer ran: the evidence of its participation in the program. */
@Entity('card_validations')
export class CardValidation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** The card matched, or null when none did (NOT_FOUND). */
  @Column({ name: 'card_id', type: 'varchar', length: 36, nullable: true })
  cardId: string | null;

  /** The number as checked (grouped when it is one of ours). */
  @Column({ name: 'card_number', type: 'varchar', length: 40 })
  cardNumber: string;

  @Column({ type: 'varchar', length: 16 })
  channel: ValidationChannel;

  @Column({ type: 'varchar', length: 16 })
  result: ValidationResult;

  @Column({ name: 'checked_at', type: 'datetime', precision: 3 })
  checkedAt: Date;
}

/** One description of this reply: the class `CardValidationRecordReply` (OpenAPI and code alike). */
export type CardValidationView = CardValidationRecordReply;

export function toCardValidationView(v: CardValidation): CardValidationView {
  return {
    id: v.id,
    employerId: v.employerId,
    userId: v.userId,
    cardId: v.cardId,
    cardNumber: v.cardNumber,
    channel: v.channel,
    result: v.result,
    checkedAt: v.checkedAt.toISOString(),
  };
}
