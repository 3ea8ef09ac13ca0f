import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsModule } from './channels/channels.module.js';
import { InboxService } from './inbox.service.js';
import { NotificationWorker } from './notification-worker.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationDelivery } from './notification-delivery.entity.js';
import { NotificationSettingsRow } from './notification-settings.entity.js';
import { Notification } from './notification.entity.js';
import { Notifier } from './notifier.js';
import { Reminders } from './reminders.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';

/** Telling people: the Notifier every use case calls, the inbox, the settings and the delivery worker. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationDelivery, NotificationSettingsRow]), ChannelsModule],
  controllers: [NotificationsController],
  providers: [Notifier, InboxService, NotificationWorker, UnsubscribeLinks, Reminders],
  exports: [Notifier, InboxService, UnsubscribeLinks],
})
export class NotificationsModule {}
