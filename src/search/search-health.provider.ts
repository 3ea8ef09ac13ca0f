import { Injectable } from '@nestjs/common';
import { SearchHealth } from '../health/search-health.js';
import { MeiliGateway } from './meili-gateway.js';
import { SearchIndexer } from './search-indexer.js';

/**
 * /health's search field with the meilisearch driver: `up` when Meilisearch answers and no outbox
 * delivery is failing; `degraded` when it does not answer (search is then served by the database) or
 * changes are waiting to be retried.
 */
@Injectable()
export class MeiliSearchHealth extends SearchHealth {
  constructor(
    private readonly meili: MeiliGateway,
    private readonly indexer: SearchIndexer,
  ) {
    super();
  }

  async status(): Promise<'up' | 'degraded'> {
    if (!(await this.meili.reachable())) return 'degraded';
    const { failing } = await this.indexer.backlog();
    return failing > 0 ? 'degraded' : 'up';
  }
}
