import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimCode } from './claim-code.entity.js';
import { ClaimCodes } from './claim-codes.js';
import { Seeker } from './seeker.entity.js';
import { SeekerRegistrationController, SeekersController } from './seekers.controller.js';
import { SeekersService } from './seekers.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Seeker, ClaimCode])],
  controllers: [SeekerRegistrationController, SeekersController],
  providers: [SeekersService, ClaimCodes],
  exports: [SeekersService, ClaimCodes],
})
export class SeekersModule {}
