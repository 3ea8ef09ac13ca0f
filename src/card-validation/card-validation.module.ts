import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardsModule } from '../cards/cards.module.js';
import { CardCredentials } from './card-credentials.js';
import { CardCredentialController, CardValidationController, JwksController } from './card-validation.controller.js';
import { CardValidation } from './card-validation.entity.js';
import { CardValidationService } from './card-validation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CardValidation]), CardsModule],
  controllers: [CardValidationController, CardCredentialController, JwksController],
  providers: [CardValidationService, CardCredentials],
  exports: [CardValidationService],
})
export class CardValidationModule {}
