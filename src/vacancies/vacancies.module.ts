import { VacancyOutcome } from './vacancy-outcome.entity.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Employer } from '../employers/employer.entity.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { SearchModule } from '../search/search.module.js';
import { OptionalAuthGuard } from './optional-auth.guard.js';
import { Vacancy } from './vacancy.entity.js';
import { VacanciesController } from './vacancies.controller.js';
import { VacanciesService } from './vacancies.service.js';
import { VacancyOutcomes } from './vacancy-outcomes.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Vacancy, Employer, VacancyOutcome]),
    SearchModule,
    ApplicationsModule,
    ReferralsModule,
  ],
  controllers: [VacanciesController],
  providers: [VacanciesService, VacancyOutcomes, OptionalAuthGuard],
  exports: [VacanciesService, VacancyOutcomes],
})
export class VacanciesModule {}
