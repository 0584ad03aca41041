/**
 * Current versions of recently read resources, kept in memory so that a hot read costs a Map
 * lookup instead of two B-tree descents (decision 0007). Correctness rests on invalidation, not
 * on expiry: the store empties the cache after every write it commits, and whenever the
 * database reports a commit by another connection or process (SQLite `data_version`). Bounded
 * by the bytes of the stored texts; the oldest entries go first, unless read since they came
 * in ("second chance"), which keeps hot resources without reordering on every hit.
 */
import type { SearchResult, StoredResource } from '../store.js';

/** Bytes charged per entry besides the JSON text: the key, the record and the Map slot. */
const ENTRY_OVERHEAD = 160;
/** Keys the doorkeeper remembers (about 0.5 MB of keys). */
const DOORKEEPER_KEYS = 8192;

/** Lookups a cache answered and missed. */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
}

interface Entry<V> {
  readonly stored: V;
  readonly bytes: number;
  hit: boolean;
}

/** The cache of one kind of value; `textLength` says how many characters of stored text a value holds. */
export class ReadCache<V = StoredResource> {
  readonly #maxBytes: number;
  readonly #textLength: (value: V) => number;
  readonly #entries = new Map<string, Entry<V>>();
  #bytes = 0;
  /** Bumped by `clear`: a read that started before a clear must not store what it read. */
  #epoch = 0;
  #hits = 0;
  #misses = 0;

  /** Keys missed once recently (`admitOnSecondMiss`): only a key seen again gets an entry. */
  readonly #doorkeeper: Set<string> | undefined;

  /**
   * `admitOnSecondMiss`: a value is kept only the second time its key misses. Reads spread over a
   * large set (random ids) then never enter, so they cost no insertion and eviction and do not
   * push out the hot entries; a resource read twice within the doorkeeper's memory gets cached.
   */
  constructor(maxBytes: number, textLength: (value: V) => number = (v) => (v as StoredResource).json.length, options: { admitOnSecondMiss?: boolean } = {}) {
    this.#maxBytes = maxBytes;
    this.#textLength = textLength;
    this.#doorkeeper = options.admitOnSecondMiss === true ? new Set() : undefined;
  }

  get epoch(): number {
    return this.#epoch;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Lookups answered and not, since the cache was made (for monitoring and tests). */
  get stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses };
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.#misses++;
      return undefined;
    }
    this.#hits++;
    entry.hit = true;
    return entry.stored;
  }

  /** Keeps `stored` unless the cache was cleared since `epoch` (when the read began). */
  set(key: string, stored: V, epoch: number): void {
    if (epoch !== this.#epoch) return;
    if (this.#doorkeeper !== undefined && !this.#doorkeeper.delete(key)) {
      this.#doorkeeper.add(key);
      // Remembers the most recent misses only (a Set iterates oldest first).
      if (this.#doorkeeper.size > DOORKEEPER_KEYS) this.#doorkeeper.delete(this.#doorkeeper.values().next().value!);
      return;
    }
    const bytes = this.#textLength(stored) * 2 + key.length * 2 + ENTRY_OVERHEAD;
    if (bytes > this.#maxBytes / 8) return; // one huge resource must not flush everything else
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= previous.bytes;
    }
    this.#entries.set(key, { stored, bytes, hit: false });
    this.#bytes += bytes;
    this.#evict();
  }

  /** Forgets everything: something was written. */
  clear(): void {
    this.#epoch++;
    this.#doorkeeper?.clear();
    if (this.#entries.size === 0) return;
    this.#entries.clear();
    this.#bytes = 0;
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) return;
      this.#entries.delete(key);
      if (entry.hit) {
        // Read since it came in: back to the young end, once.
        entry.hit = false;
        this.#entries.set(key, entry);
      } else {
        this.#bytes -= entry.bytes;
      }
    }
  }
}

/** The cache key of a resource's current version. Ids and types never contain NUL. */
export function readCacheKey(envId: number, type: string, id: string): string {
  return `${envId}\u0000${type}\u0000${id}`;
}

/** Characters of stored text a search result holds (its matches and included resources). */
export function resultTextLength(result: SearchResult): number {
  let n = 0;
  for (const r of result.matches) n += r.json.length + 100;
  for (const r of result.included) n += r.json.length + 100;
  return n;
}

/**
 * The cache key of a parsed search: every field of the query, each SearchParameter by its
 * canonical URL and code (the definitions are shared objects, not worth serialising). Whatever
 * the query carries — filters, sort, page cursor, includes, any restriction added to it — is
 * part of the key, so two searches share an entry only when they are the same search. A caller's
 * access view enters by its `cacheKey` (the anonymous public view); any other part that is not
 * plain data (a function, a token's view, which has methods and no cacheKey) means no key: JSON
 * would silently leave it out, so such searches are never cached.
 */
export function searchCacheKey(envId: number, query: object): string | undefined {
  let plain = true;
  const text = JSON.stringify(query, function (_key: string, value: unknown): unknown {
    if (typeof value === 'function') plain = false;
    const view = value as { visibility?: unknown; cacheKey?: unknown } | null;
    if (view !== null && typeof view === 'object' && typeof view.visibility === 'function' && typeof view.cacheKey === 'string') {
      return `access:${view.cacheKey}`;
    }
    if (value !== null && typeof value === 'object' && 'url' in value && 'code' in value && 'expression' in value && 'base' in value) {
      const param = value as { url: string; code: string };
      return `${param.url}#${param.code}`;
    }
    return value;
  });
  return plain ? `${envId}\u0000${text}` : undefined;
}
