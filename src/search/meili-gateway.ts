import { Inject, Injectable } from '@nestjs/common';
import { Meilisearch, type Index } from 'meilisearch';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { VacancyDocument } from './meili-documents.js';

/**
 * The Meilisearch client and the name of the live vacancy index. Created only when the meilisearch
 * driver is on; requests time out quickly so an unreachable server degrades search instead of hanging it.
 */
@Injectable()
export class MeiliGateway {
  readonly client: Meilisearch;
  readonly indexName: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Meilisearch({
      host: config.search.meiliHost ?? 'http://127.0.0.1:7700',
      apiKey: config.search.meiliApiKey ?? undefined,
      timeout: 3000,
      defaultWaitOptions: { timeout: 30_000, interval: 50 },
    });
    this.indexName = config.search.meiliIndex;
  }

  index(name = this.indexName): Index<VacancyDocument> {
    return this.client.index<VacancyDocument>(name);
  }

  /** True when the server answers its health route. */
  async reachable(): Promise<boolean> {
    try {
      return await this.client.isHealthy();
    } catch {
      return false;
    }
  }
}
