import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { SeekersModule } from '../seekers/seekers.module.js';
import { CardImportService } from './card-import.service.js';
import { CardNumbers } from './card-numbers.service.js';
import { Card, CardReport, CardSerial } from './card.entity.js';
import { CardsController } from './cards.controller.js';
import { CardsService } from './cards.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Card, CardReport, CardSerial]), SeekersModule, DocumentsModule],
  controllers: [CardsController],
  providers: [CardsService, CardNumbers, CardImportService],
  exports: [CardsService, CardImportService],
})
export class CardsModule {}
