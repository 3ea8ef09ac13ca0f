import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { DisabledSearchHealth, SearchHealth } from './search-health.js';

@Module({ controllers: [HealthController], providers: [{ provide: SearchHealth, useClass: DisabledSearchHealth }] })
export class HealthModule {}
