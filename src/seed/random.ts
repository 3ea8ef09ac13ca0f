/**
 * Deterministic randomness for the seed generator. Every record draws from its own small generator
 * seeded from (run seed, kind, index), so a record's content depends only on those three numbers and
 * not on how many draws earlier records made: the same `--seed` gives the same data, and a kind can
 * change its own draws without reshuffling every other kind.
 */

/** 32-bit mix (the murmur3 finaliser), used to derive per-record seeds. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A small, fast generator (mulberry32) with the helpers the generator needs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  }

  /** `n` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

/** The generator of record `index` of `kind` in the run seeded with `seed`. */
export function rngFor(seed: number, kind: string, index: number): Rng {
  return new Rng(mix32(mix32(seed ^ hashString(kind)) ^ mix32(index + 0x9e3779b9)));
}

/**
 * A UUID-shaped id (version 4 layout) whose first 12 hex digits are a kind tag and the record index,
 * so rows of one kind are inserted in key order (B-tree appends, not random page splits) and the
 * same run always produces the same ids. The rest is random from the record's generator.
 */
export function seededId(kindTag: number, index: number, rng: Rng): string {
  const head = kindTag.toString(16).padStart(2, '0') + index.toString(16).padStart(10, '0');
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}

/** Tags that start seeded ids, one per kind, so each kind's rows are inserted in key order. */
export const TAG = {
  officer: 0xa0,
  employer: 0xa1,
  employerUser: 0xa2,
  seeker: 0xa3,
  card: 0xa4,
  report: 0xa5,
  validation: 0xa6,
  seekerUser: 0xa7,
  labourEvent: 0xa8,
  vacancy: 0xa9,
  application: 0xaa,
  placement: 0xab,
  office: 0xac,
} as const;

/** Counters of the kinds whose rows are numbered across the whole run. */
export interface Sequences {
  card: number;
  report: number;
  validation: number;
  placement: number;
  labourEvent: number;
}
