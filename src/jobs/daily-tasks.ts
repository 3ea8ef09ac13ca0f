import type { Type } from '@nestjs/common';
import { CardsService } from '../cards/cards.service.js';
import { ConsoleForms } from '../console/forms/console-forms.service.js';
import { ConsoleSessions } from '../console/session/console-sessions.service.js';
import { AccountTokens } from '../auth/account-tokens.js';
import { NotificationWorker } from '../notifications/notification-worker.js';
import { Reminders } from '../notifications/reminders.js';
import { DocumentsService } from '../documents/documents.service.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';

/** One task of the daily job. It must be safe to run twice, or on two instances at once. */
export interface DailyTask<T = unknown> {
  name: string;
  /** The owner whose method does the work. */
  owner: Type<T>;
  run(owner: T, now: Date): Promise<Record<string, number>>;
}

const task = <T>(
  name: string,
  owner: Type<T>,
  run: (owner: T, now: Date) => Promise<Record<string, number>>,
): DailyTask => ({ name, owner, run }) as DailyTask;

/** What the daily job does, in this order. */
export const DAILY_TASKS: readonly DailyTask[] = [
  task('expire-cards', CardsService, (cards, now) => cards.expireDue(now)),
  task('close-expired-vacancies', VacanciesService, (vacancies, now) => vacancies.closeExpired(now)),
  // After the two above: an expired card or a closed vacancy is not reminded of.
  task('send-reminders', Reminders, (reminders, now) => reminders.sendDue(now)),
  task('purge-console-sessions', ConsoleSessions, (sessions, now) => sessions.purge(now)),
  task('purge-console-forms', ConsoleForms, (forms, now) => forms.purge(now)),
  task('purge-notifications', NotificationWorker, (worker, now) => worker.purge(now)),
  task('purge-account-tokens', AccountTokens, (tokens, now) => tokens.purge(now)),
  task('purge-rejected-documents', DocumentsService, (documents, now) => documents.purgeRejected(now)),
];
