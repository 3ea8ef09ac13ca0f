import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceCode } from './reference-code.entity.js';
import { ReferenceCodes } from './reference-codes.service.js';
import { ReferenceController } from './reference.controller.js';

/** Global: vacancies, seekers, employers, placements and the console all check codes against the lists. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ReferenceCode])],
  controllers: [ReferenceController],
  providers: [ReferenceCodes],
  exports: [ReferenceCodes],
})
export class ReferenceModule {}
