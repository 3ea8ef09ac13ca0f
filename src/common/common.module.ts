import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { PersonalData } from './personal-data.js';
import { RateLimiter } from './rate-limiter.js';

@Global()
@Module({
  providers: [Clock, PersonalData, RateLimiter],
  exports: [Clock, PersonalData, RateLimiter],
})
export class CommonModule {}
