import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { DeliveryQuery, InboxQuery, NotificationSettingsDto } from './dto/notification.dto.js';
import { DeliveryPage, NotificationPage, NotificationSettingsReply } from './dto/notification.reply.js';
import { InboxService } from './inbox.service.js';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get('notifications')
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'Your inbox, newest first (unread=true: only what you have not read)' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentUser() user: AuthUser, @Query() q: InboxQuery) {
    return this.inbox.list(user, q);
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'Mark every message of your inbox read' })
  @ApiNoContentResponse({ description: 'done' })
  readAll(@CurrentUser() user: AuthUser) {
    return this.inbox.markAllRead(user);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'Mark one of your messages read (again: still 204)' })
  @ApiNoContentResponse({ description: 'done' })
  @ApiError(404, 'NOT_FOUND: no such message in your inbox')
  read(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.inbox.markRead(user, id);
  }

  @Get('me/notification-settings')
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'Your channels, muted kinds and message language' })
  @ApiOkResponse({ type: NotificationSettingsReply })
  settings(@CurrentUser() user: AuthUser) {
    return this.inbox.settings(user.id);
  }

  @Put('me/notification-settings')
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'Choose your channels and muted kinds (muted kinds stay in the inbox)' })
  @ApiOkResponse({ type: NotificationSettingsReply })
  saveSettings(@CurrentUser() user: AuthUser, @Body() dto: NotificationSettingsDto) {
    return this.inbox.saveSettings(user.id, dto);
  }

  @Get('notification-deliveries')
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'Email and WhatsApp deliveries and why they failed (status=FAILED: given up)' })
  @ApiOkResponse({ type: DeliveryPage })
  deliveries(@Query() q: DeliveryQuery) {
    return this.inbox.deliveries(q);
  }
}
