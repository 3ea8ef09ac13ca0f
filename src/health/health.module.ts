import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { HealthController } from './health.controller.js';

/** SearchHealth comes from the search module: `disabled` with the database driver, a live check with Meilisearch. */
@Module({ imports: [SearchModule], controllers: [HealthController] })
export class HealthModule {}
