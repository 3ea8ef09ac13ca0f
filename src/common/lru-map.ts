/** A map that keeps at most `capacity` entries, dropping the least recently used (told to `onDrop`). */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly onDrop?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.onDrop?.(key, old);
    }
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.dropOldest();
  }

  /** Forgets `key` (not told to `onDrop`: the caller knows). */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Drops the least recently used entry, if any. */
  dropOldest(): void {
    const oldest = this.entries.keys().next();
    if (oldest.done) return;
    const value = this.entries.get(oldest.value)!;
    this.entries.delete(oldest.value);
    this.onDrop?.(oldest.value, value);
  }
}
