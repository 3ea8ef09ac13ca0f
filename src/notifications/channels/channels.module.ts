import { Module } from '@nestjs/common';
import { EmailChannel } from './email-channel.js';
import { WhatsAppChannel } from './whatsapp-channel.js';

/** The ways out: email over SMTP and WhatsApp over the Business Cloud API (docs/notifications.md). */
@Module({ providers: [EmailChannel, WhatsAppChannel], exports: [EmailChannel, WhatsAppChannel] })
export class ChannelsModule {}
