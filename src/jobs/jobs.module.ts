import { Global, Module } from '@nestjs/common';
import { Reminders } from '../notifications/reminders.js';
import { DailyJobs } from './daily-jobs.service.js';

/** The daily job, and the owner of its one task that has no other home (the reminders). */
@Global()
@Module({ providers: [DailyJobs, Reminders], exports: [DailyJobs] })
export class JobsModule {}
