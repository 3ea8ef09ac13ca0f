import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Card } from '../cards/card.entity.js';
import { Employer } from '../employers/employer.entity.js';
import { SearchModule } from '../search/search.module.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { MatchingController } from './matching.controller.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Vacancy, Employer, Seeker, Card]), SearchModule],
  controllers: [MatchingController],
  providers: [MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
