import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { OutreachCampaign } from './outreach-campaign.entity.js';
import { OutreachRecipient } from './outreach-recipient.entity.js';
import { OutreachController } from './outreach.controller.js';
import { OutreachService } from './outreach.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutreachCampaign, OutreachRecipient]), MonitoringModule],
  controllers: [OutreachController],
  providers: [OutreachService],
  exports: [OutreachService],
})
export class OutreachModule {}
