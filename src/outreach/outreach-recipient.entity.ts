import { Entity, PrimaryColumn } from 'typeorm';

/** One employer a campaign goes to, matched when the campaign was made. */
@Entity('outreach_recipients')
export class OutreachRecipient {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  @PrimaryColumn({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId: string;
}
