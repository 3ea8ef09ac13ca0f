import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from './clock.js';
import { PersonalData } from './personal-data.js';
import { MemoryRateLimiter, RateLimiter, RedisRateLimiter } from './rate-limiter.js';

const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    Clock,
    PersonalData,
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      // Commands fail fast while Redis is down (no offline queue), so a limiter check never hangs a request.
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? new Redis(config.redisUrl, {
              enableOfflineQueue: false,
              maxRetriesPerRequest: 1,
              connectTimeout: 2000,
              lazyConnect: false,
            })
          : null,
    },
    {
      provide: RateLimiter,
      inject: [REDIS],
      useFactory: (redis: Redis | null) => {
        const limiter = redis ? new RedisRateLimiter(redis) : new MemoryRateLimiter();
        new Logger('RateLimiter').log(
          redis
            ? 'rate limits are shared by all instances through Redis (REDIS_URL)'
            : 'rate limits are counted in this process (set REDIS_URL to share them between instances)',
        );
        return limiter;
      },
    },
  ],
  exports: [Clock, PersonalData, RateLimiter],
})
export class CommonModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
