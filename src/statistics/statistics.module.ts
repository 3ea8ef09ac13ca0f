import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LabourEvent } from './labour-event.entity.js';
import { LabourStatistics } from './labour-statistics.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LabourEvent])],
  providers: [LabourStatistics],
  exports: [LabourStatistics],
})
export class StatisticsModule {}
