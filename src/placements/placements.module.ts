import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { CardValidationModule } from '../card-validation/card-validation.module.js';
import { CardsModule } from '../cards/cards.module.js';
import { SeekersModule } from '../seekers/seekers.module.js';
import { VacanciesModule } from '../vacancies/vacancies.module.js';
import { HireService } from './hire.service.js';
import { Placement } from './placement.entity.js';
import { PlacementsController } from './placements.controller.js';
import { PlacementsService } from './placements.service.js';
import { VacancyOutcomeController } from './vacancy-outcome.controller.js';
import { VacancyOutcomeService } from './vacancy-outcome.service.js';
import { WithdrawalController } from './withdrawal.controller.js';
import { VoidService } from './void.service.js';
import { WithdrawalService } from './withdrawal.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Placement]),
    SeekersModule,
    VacanciesModule,
    ApplicationsModule,
    CardsModule,
    CardValidationModule,
  ],
  controllers: [PlacementsController, VacancyOutcomeController, WithdrawalController],
  providers: [PlacementsService, HireService, VacancyOutcomeService, WithdrawalService, VoidService],
  exports: [PlacementsService, HireService, VacancyOutcomeService, WithdrawalService, VoidService],
})
export class PlacementsModule {}
