import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Office } from './office.entity.js';
import { OfficeScope } from './office-scope.js';
import { OfficeSettings } from './office-settings.service.js';
import { OfficesController } from './offices.controller.js';
import { OfficesService } from './offices.service.js';

/** Offices and their settings (docs/offices.md). Global: every owner asks it which office a new row belongs to. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Office])],
  controllers: [OfficesController],
  providers: [OfficesService, OfficeSettings, OfficeScope],
  exports: [OfficesService, OfficeSettings, OfficeScope],
})
export class OfficesModule {}
