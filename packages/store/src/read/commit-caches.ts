/**
 * The two caches of committed data (decision 0008): current versions by id, and whole search
 * results by the parsed query. Both are emptied together — by every write of this store, and
 * by a timer that polls the backend's commit counter so another process's commits (a CLI
 * import) show within COMMIT_POLL_MS. Only where the backend has such a counter (SQLite).
 */
import type { Backend } from '../sql/backend.js';
import type { SearchResult, StoredResource } from '../store.js';
import { ReadCache, resultTextLength } from './read-cache.js';

/** How often the caches ask the database whether another connection committed. */
const COMMIT_POLL_MS = 100;

export interface CommitCaches {
  readonly reads: ReadCache<StoredResource>;
  readonly searches: ReadCache<SearchResult>;
  /** Something was written: forget everything. */
  clear(): void;
  stop(): void;
}

/** Caches of `bytes` each, or undefined when the backend cannot tell about commits or bytes is 0. */
export function openCommitCaches(backend: Backend, bytes: number): CommitCaches | undefined {
  const counter = backend.commitCounter;
  if (counter === undefined || bytes <= 0) return undefined;
  // Reads admit on the second miss: random reads over millions of ids would otherwise churn the
  // cache (measured: 106 against 76 µs of CPU per random read). Identical searches repeat by nature.
  const reads = new ReadCache<StoredResource>(bytes, undefined, { admitOnSecondMiss: true });
  const searches = new ReadCache<SearchResult>(bytes, resultTextLength);
  const clear = (): void => {
    reads.clear();
    searches.clear();
  };
  // A statement per read would cost half of what the cache saves: a timer polls instead.
  let last = counter();
  const timer = setInterval(() => {
    const now = counter();
    if (now !== last) {
      last = now;
      clear();
    }
  }, COMMIT_POLL_MS);
  timer.unref();
  return { reads, searches, clear, stop: () => clearInterval(timer) };
}

/** A search result as kept in the cache: frozen, so no caller can change what the next one gets. */
export function frozenResult(result: SearchResult): SearchResult {
  for (const r of result.matches) Object.freeze(r);
  for (const r of result.included) Object.freeze(r);
  Object.freeze(result.matches);
  Object.freeze(result.included);
  return Object.freeze(result);
}
