import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { IsPeriodDate, NotBeforeFrom } from '../../common/http/period-query.js';
import { CHANNELS, DELIVERY_STATUSES } from '../notification-delivery.entity.js';
import { NOTIFICATION_KINDS } from '../notification-kinds.js';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only messages not read yet' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class NotificationSettingsDto {
  @ApiProperty({ description: 'messages by email (when the office has email and you have an address)' })
  @IsBoolean()
  email: boolean;

  @ApiProperty({ description: 'messages by WhatsApp, to your phone number (when the office has WhatsApp)' })
  @IsBoolean()
  whatsapp: boolean;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    isArray: true,
    description: 'kinds not sent by email or WhatsApp (they stay in the inbox)',
  })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true, message: `each of muted must be one of: ${NOTIFICATION_KINDS.join(', ')}` })
  muted: string[];

  @ApiPropertyOptional({ enum: ['id', 'en'], description: 'language of the messages; Bahasa Indonesia by default' })
  // Left out keeps the language; null is not a language (the fuzz spec found it accepted with 200).
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(['id', 'en'], { message: 'language must be one of: id, en' })
  language?: 'id' | 'en';
}

export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ format: 'date', description: 'created on or after this day (Asia/Jakarta)' })
  @IsOptional()
  @IsPeriodDate('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'created on or before this day (Asia/Jakarta)' })
  @IsOptional()
  @IsPeriodDate('to')
  @NotBeforeFrom()
  to?: string;
}
