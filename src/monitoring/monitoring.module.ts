import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller.js';
import { MonitoringService } from './monitoring.service.js';
import { ReportAnswers } from './report-answers.js';
import { ReportLabels } from './report-labels.js';
import { ReportsController } from './reports.controller.js';
import { ReportScopes } from './report-scope.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [MonitoringController, ReportsController],
  providers: [MonitoringService, ReportsService, ReportLabels, ReportScopes, ReportAnswers],
  exports: [MonitoringService, ReportsService, ReportScopes],
})
export class MonitoringModule {}
