import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One sent console form, by its one-time token (`_form`, stored as its SHA-256): claimed when the
 * form first arrives, then completed with the answer it got, so that the same form sent again (a
 * double click, a reload, a second tab) is answered with that first result and changes nothing.
 */
@Entity('console_forms')
export class ConsoleForm {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** SHA-256 of the browser's CSRF seed cookie: only the browser that sent the form sees the replay. */
  @Column({ name: 'seed_hash', type: 'varchar', length: 64 })
  seedHash: string;

  /** The path the form was sent to. */
  @Column({ type: 'varchar', length: 200 })
  route: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  /** Where a redirect led. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  location: string | null;

  /** A page answered directly (2xx), encrypted with the data key: it may show personal data. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** The user a sign-in or registration form signed in: its replay signs this browser in again. */
  @Column({ name: 'signed_in_user_id', type: 'varchar', length: 36, nullable: true })
  signedInUserId: string | null;
}
