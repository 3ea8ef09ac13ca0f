import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LabourEvent } from './labour-event.entity.js';
import { LabourStatistics } from './labour-statistics.service.js';
import { ReportPeriod } from './report-period.entity.js';
import { ReportPeriods } from './report-periods.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LabourEvent, ReportPeriod])],
  providers: [LabourStatistics, ReportPeriods],
  exports: [LabourStatistics, ReportPeriods],
})
export class StatisticsModule {}
