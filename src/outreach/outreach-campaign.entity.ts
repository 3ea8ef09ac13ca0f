import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CampaignStatus = 'DRAFT' | 'SENT';
export const CAMPAIGN_STATUSES: CampaignStatus[] = ['DRAFT', 'SENT'];

/** A message from the office to a set of employers ("sosialisasi"); written only by OutreachService. */
@Entity('outreach_campaigns')
export class OutreachCampaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  message: string;

  /** The audience as asked, with its period resolved (JSON of `CampaignAudience`). */
  @Column({ type: 'text' })
  audience: string;

  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  /** How many employers the audience matched at creation (the rows of `outreach_recipients`). */
  @Column({ name: 'recipient_count', type: 'int' })
  recipientCount: number;

  /** The office of the officer who wrote it: its officers send it; the offices above read it (docs/offices.md). */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_by', type: 'varchar', length: 36, nullable: true })
  sentBy: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;
}
