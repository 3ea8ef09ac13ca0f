/**
 * Results computed for one version of the searchable set, least recently used dropped first. A different
 * version empties it (every entry described the old set). Concurrent asks for the same key while it is being
 * computed share one computation, so a burst after a change runs each distinct query once.
 * With `capacity` 0 nothing is kept (every search computes).
 */
export class SearchCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();
  /** The entries' values once computed, for `peek`. */
  private readonly values = new Map<string, unknown>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  async get<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.capacity === 0) return compute();
    if (version !== this.version) {
      this.entries.clear();
      this.values.clear();
      this.version = version;
    }
    const found = this.entries.get(key) as Promise<T> | undefined;
    if (found) {
      // Re-inserted: a Map keeps insertion order, so the first key is always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const computed = compute();
    this.entries.set(key, computed);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.values.delete(oldest);
    }
    computed.then(
      (value) => {
        if (this.entries.get(key) === computed) this.values.set(key, value);
      },
      // A failure is not kept: the next ask tries again.
      () => {
        if (this.entries.get(key) === computed) this.entries.delete(key);
      },
    );
    return computed;
  }

  /** The computed value of `key` and the version it belongs to, if there is one, without asking for a version. */
  peek<T>(key: string): { version: string; value: T } | undefined {
    if (this.version === null || !this.values.has(key)) return undefined;
    return { version: this.version, value: this.values.get(key) as T };
  }
}
