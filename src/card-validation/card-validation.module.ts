import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardsModule } from '../cards/cards.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { SeekersModule } from '../seekers/seekers.module.js';
import { CardPdfController } from './card-pdf.controller.js';
import { CardPdfService } from './card-pdf.service.js';
import { CardCredentials } from './card-credentials.js';
import { CardCredentialController, CardValidationController, JwksController } from './card-validation.controller.js';
import { CardValidation } from './card-validation.entity.js';
import { CardValidationService } from './card-validation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CardValidation]), CardsModule, SeekersModule, DocumentsModule],
  controllers: [CardPdfController, CardValidationController, CardCredentialController, JwksController],
  providers: [CardValidationService, CardCredentials, CardPdfService],
  exports: [CardValidationService, CardPdfService],
})
export class CardValidationModule {}
