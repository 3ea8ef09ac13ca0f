import { Module } from '@nestjs/common';
import { EmailChannel } from './email-channel.js';
import { WhatsAppChannel } from './whatsapp-channel.js';
/** PLACEHOLDER until the channels branch lands. */
@Module({ providers: [EmailChannel, WhatsAppChannel], exports: [EmailChannel, WhatsAppChannel] })
export class ChannelsModule {}
