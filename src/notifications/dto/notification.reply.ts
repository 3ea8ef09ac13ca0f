import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { CHANNELS, DELIVERY_STATUSES } from '../notification-delivery.entity.js';
import { ACCOUNT_MAIL_KINDS, NOTIFICATION_KINDS } from '../notification-kinds.js';

export class NotificationReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: string;

  @ApiProperty({ example: 'Kartu AK1 Anda telah disetujui' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'uri', description: 'the console page the message is about' })
  link: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

class InboxPageBase extends PageOf(NotificationReply, 'NotificationPageBase') {}

export class NotificationPage extends InboxPageBase {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'messages not read yet, over the whole inbox' })
  unread: number;
}

export class NotificationSettingsReply {
  @ApiProperty()
  email: boolean;

  @ApiProperty()
  whatsapp: boolean;

  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true })
  muted: string[];

  @ApiProperty({ enum: ['id', 'en'] })
  language: 'id' | 'en';

  @ApiProperty({ description: 'whether the office sends email at all (SMTP configured)' })
  emailAvailable: boolean;

  @ApiProperty({ description: 'whether the office sends WhatsApp messages at all' })
  whatsappAvailable: boolean;
}

export class DeliveryReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  notificationId: string;

  @ApiProperty({ enum: [...NOTIFICATION_KINDS, ...ACCOUNT_MAIL_KINDS], description: 'what the message was' })
  kind: string;

  @ApiProperty({ enum: CHANNELS })
  channel: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SMTP_UNREACHABLE',
    description: 'why the last attempt failed: a reason code, then the server answer (never personal data)',
  })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

export const DeliveryPage = PageOf(DeliveryReply);
