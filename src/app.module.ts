import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CardValidationModule } from './card-validation/card-validation.module.js';
import { CardsModule } from './cards/cards.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { JwtAuthGuard, RolesGuard } from './common/auth/guards.js';
import { CommonModule } from './common/common.module.js';
import { ConsoleModule } from './console/console.module.js';
import { AllExceptionsFilter } from './common/http/exception.filter.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EmployersModule } from './employers/employers.module.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MonitoringModule } from './monitoring/monitoring.module.js';
import { PlacementsModule } from './placements/placements.module.js';
import { SeekersModule } from './seekers/seekers.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { UsersModule } from './users/users.module.js';
import { VacanciesModule } from './vacancies/vacancies.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OutreachModule } from './outreach/outreach.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { OfficesModule } from './offices/offices.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        CommonModule,
        JobsModule,
        AuditModule,
        OfficesModule,
        NotificationsModule,
        StatisticsModule,
        ReferenceModule,
        UsersModule,
        AuthModule,
        EmployersModule,
        SeekersModule,
        DocumentsModule,
        CardsModule,
        CardValidationModule,
        VacanciesModule,
        MatchingModule,
        ReferralsModule,
        IdempotencyModule,
        PlacementsModule,
        ApplicationsModule,
        MonitoringModule,
        OutreachModule,
        RegionsModule,
        HealthModule,
        ConsoleModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
