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
import { WithdrawalController } from './withdrawal.controller.js';
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
  controllers: [PlacementsController, WithdrawalController],
  providers: [PlacementsService, HireService, WithdrawalService],
  exports: [PlacementsService, HireService, WithdrawalService],
})
export class PlacementsModule {}
