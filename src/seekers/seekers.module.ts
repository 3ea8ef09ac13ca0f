import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Seeker } from './seeker.entity.js';
import { SeekerRegistrationController, SeekersController } from './seekers.controller.js';
import { SeekersService } from './seekers.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Seeker])],
  controllers: [SeekerRegistrationController, SeekersController],
  providers: [SeekersService],
  exports: [SeekersService],
})
export class SeekersModule {}
