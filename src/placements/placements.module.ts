import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VacanciesModule } from '../vacancies/vacancies.module.js';
import { Placement } from './placement.entity.js';
import { PlacementsController } from './placements.controller.js';
import { PlacementsService } from './placements.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Placement]), VacanciesModule],
  controllers: [PlacementsController],
  providers: [PlacementsService],
  exports: [PlacementsService],
})
export class PlacementsModule {}
