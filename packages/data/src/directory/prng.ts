/**
 * Seeded pseudo-random numbers for the synthetic directory. Every entity draws from its own
 * stream, keyed by (seed, kind, index), so any builder can recompute another entity's facts
 * (its town, its networks) without the generator remembering anything: that is what keeps a
 * million-resource run streaming and every reference resolvable.
 */

/** A stream of draws; each method consumes the next 32-bit value. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** murmur3's 32-bit finalizer: spreads the bits of a key before it seeds a stream. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a short label, so stream kinds can be named instead of numbered. */
export function labelHash(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Mulberry32 (public domain, Tommy Ettinger): tiny, fast, good enough for test data. A class, not
 * closures: a stream is created per entity, millions of times in a large run.
 */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
}

/** A stream seeded directly. */
export function mulberry32(seed: number): Rng {
  return new Mulberry32(seed);
}

/** The stream of entity `index` of kind `kind` (a labelHash) under `seed`. */
export function rngFor(seed: number, kind: number, index: number): Rng {
  return new Mulberry32(fmix32(fmix32(seed ^ kind) + Math.imul(index + 1, 0x9e3779b9)));
}

/** A cumulative-weight table for weighted picks (binary search, so long tables stay cheap). */
export interface Weighted<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
}

/** Builds a weighted table from items and their weights (any positive numbers). */
export function weighted<T>(items: readonly T[], weightOf: (item: T) => number): Weighted<T> {
  let total = 0;
  const cumulative = items.map((item) => (total += weightOf(item)));
  return { items, cumulative: cumulative.map((c) => c / total) };
}

/** Draws one item of a weighted table. */
export function pickWeighted<T>(rng: Rng, table: Weighted<T>): T {
  const x = rng.next();
  const { cumulative } = table;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < (cumulative[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return table.items[lo] as T;
}
