import { Column, Entity, PrimaryColumn } from 'typeorm';

export const VALIDATION_RESULTS = ['VALID', 'EXPIRED', 'PLACED', 'REVOKED', 'NOT_FOUND'] as const;
export type ValidationResult = (typeof VALIDATION_RESULTS)[number];

/** How the employer presented the card: typed number + NIK, or a scanned signed credential. */
export type ValidationChannel = 'NUMBER' | 'CREDENTIAL';

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

export interface CardValidationView {
  id: string;
  employerId: string;
  userId: string;
  cardId: string | null;
  cardNumber: string;
  channel: ValidationChannel;
  result: ValidationResult;
  checkedAt: string;
}

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
