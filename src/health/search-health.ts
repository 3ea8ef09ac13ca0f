/** What /health reports for search; the search module provides a real one when Meilisearch is on. */
export abstract class SearchHealth {
  abstract status(): Promise<'up' | 'degraded' | 'disabled'>;
}

export class DisabledSearchHealth extends SearchHealth {
  async status(): Promise<'disabled'> {
    return 'disabled';
  }
}
