import { Global, Module } from '@nestjs/common';
import { DailyJobs } from './daily-jobs.service.js';

@Global()
@Module({ providers: [DailyJobs], exports: [DailyJobs] })
export class JobsModule {}
