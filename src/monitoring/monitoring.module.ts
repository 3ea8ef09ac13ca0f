import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller.js';
import { MonitoringService } from './monitoring.service.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [MonitoringController],
  providers: [MonitoringService, ReportsService],
  exports: [MonitoringService, ReportsService],
})
export class MonitoringModule {}
