/**
 * The `Store` over a dialect backend: maps environment names to ids, routes reads to the
 * reader, writes to one transaction each, and searches to a read snapshot.
 */
import type { Indexer, SearchQuery } from '@payerport/fhir';
import { auditStore, type AuditStore } from './audit/audit-store.js';
import { createAuthStore } from './auth/create-auth-store.js';
import { loadBatch } from './bulk/bulk-load.js';
import { withDeferredIndexes } from './bulk/deferred-indexes.js';
import { reindexBatch } from './bulk/reindex.js';
import { createMemberStore, type MemberStore } from './members/member-store.js';
import { readHistory } from './read/history.js';
import { frozenResult, openCommitCaches } from './read/commit-caches.js';
import { readCacheKey, searchCacheKey, type CacheStats } from './read/read-cache.js';
import { readResource, vreadResource } from './read/read-resource.js';
import { restrictedView, vreadVisible } from './read/version-access.js';
import type { Environments } from './registry/environments.js';
import type { SearchParams } from './registry/search-params.js';
import { runSearch, type SearchContext } from './search/run-search.js';
import type { Backend } from './sql/backend.js';
import type { SqlExecutor } from './sql/executor.js';
import type { Store, StoredResource } from './store.js';
import { createStoreTx } from './write/store-tx.js';
import type { WriteContext } from './write/write-context.js';

/** A Store plus the seams that search compilation and storage tests need. */
export interface SqlStore extends Store {
  /** Executor for committed data (the SQLite reader connection / the PostgreSQL pool). */
  readonly sql: SqlExecutor;
  /** Hits and misses of the read and search caches (zeros where there are none: PostgreSQL). */
  cacheStats(): { readonly reads: CacheStats; readonly searches: CacheStats };
  /** The Patient Access audit trail. */
  readonly audit: AuditStore;
  /** The pid of an indexed parameter. */
  paramId(resourceType: string, code: string): number | undefined;
  /** A search context over `sql` for environment `env` (FhirError 404 if unknown). */
  searchContext(env: string): Promise<SearchContext>;
  /** Member accounts and their patient links (for @payerport/auth). */
  readonly members: MemberStore;
}

export interface StoreParts {
  backend: Backend;
  envs: Environments;
  params: SearchParams;
  indexer: Indexer;
  clock: () => number;
  /** Bytes for the read cache; 0 = off. Used only where the backend has a commit counter. */
  readCacheBytes: number;
}

const DEFAULT_BULK_BATCH = 1000;
const REINDEX_BATCH = 1000;


const NO_STATS: CacheStats = Object.freeze({ hits: 0, misses: 0 });

/** Builds the Store over opened parts. */
export function sqlStore(parts: StoreParts): SqlStore {
  const { backend, envs, params, indexer, clock } = parts;
  const paramId = (type: string, code: string): number | undefined => params.paramId(type, code);
  const envId = (name: string): number | Promise<number> => envs.cached(name) ?? envs.id(name);
  const context = (exec: SqlExecutor, id: number): WriteContext => ({ exec, envId: id, indexer, paramId, clock });
  let closing: Promise<void> | undefined;
  const caches = openCommitCaches(backend, parts.readCacheBytes);
  const cache = caches?.reads;

  const write = <T>(fn: (exec: SqlExecutor) => Promise<T>): Promise<T> => {
    // No guard against a write started from inside another's callback (it would wait forever
    // for the writer it already holds): AsyncLocalStorage could detect it, but on Node 20 it
    // slows every promise in the process — a quarter of read throughput. Callbacks get `tx`.
    // The cache empties once the write has committed or rolled back, before its caller resumes:
    // whoever sees a write's result reads what it wrote.
    return caches === undefined ? backend.write(fn) : backend.write(fn).finally(() => caches.clear());
  };

  const readCurrent = (env: number, type: string, id: string): Promise<StoredResource | undefined> => {
    if (cache === undefined) return readResource(backend.reader, env, type, id);
    const key = readCacheKey(env, type, id);
    const hit = cache.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const epoch = cache.epoch;
    return readResource(backend.reader, env, type, id).then((stored) => {
      if (stored !== undefined) cache.set(key, Object.freeze(stored), epoch);
      return stored;
    });
  };

  return {
    dialect: backend.dialect,
    sql: backend.reader,
    cacheStats: () => ({ reads: caches?.reads.stats ?? NO_STATS, searches: caches?.searches.stats ?? NO_STATS }),
    audit: auditStore({ reader: backend.reader, write: (fn) => backend.write(fn), envId }),
    paramId,
    searchContext: async (env) => ({ exec: backend.reader, envId: await envId(env), paramId }),
    members: createMemberStore(backend, async (env) => envId(env), clock),

    ensureEnvironment: async (name) => { await envs.ensure(name); },
    environments: () => envs.list(),

    // The hot path: no extra await when the environment id is cached.
    read: (env, type, id) => {
      const cached = envs.cached(env);
      return cached === undefined ? envs.id(env).then((resolved) => readCurrent(resolved, type, id)) : readCurrent(cached, type, id);
    },
    vread: async (env, type, id, versionId, access) => {
      const envNumber = await envId(env);
      const view = restrictedView(access, type);
      if (view === undefined) return vreadResource(backend.reader, envNumber, type, id, versionId);
      return backend.snapshot((exec) => vreadVisible({ exec, envId: envNumber, paramId }, indexer, view, id, versionId));
    },
    history: async (env, options) => {
      const id = await envId(env);
      return backend.snapshot((exec) => readHistory({ exec, envId: id, paramId }, indexer, options));
    },
    search: async (env, query: SearchQuery) => {
      const id = await envId(env);
      const run = () => backend.snapshot((exec) => runSearch({ exec, envId: id, paramId }, query));
      const searches = caches?.searches;
      if (searches === undefined) return run();
      // Directory and formulary questions repeat (the same specialty in the same town); an
      // identical search between two commits has the same answer (decision 0008).
      const key = searchCacheKey(id, query);
      if (key === undefined) return run();
      const hit = searches.get(key);
      if (hit !== undefined) return hit;
      const epoch = searches.epoch;
      const result = frozenResult(await run());
      searches.set(key, result, epoch);
      return result;
    },

    transaction: async (env, fn) => {
      const id = await envId(env);
      return write(async (exec) => {
        const tx = createStoreTx(context(exec, id));
        try {
          return await fn(tx);
        } finally {
          tx.end();
        }
      });
    },

    bulkLoad: async (env, resources, options = {}) => {
      const id = await envId(env);
      const size = options.batchSize ?? DEFAULT_BULK_BATCH;
      if (!Number.isSafeInteger(size) || size < 1) throw new Error('bulkLoad: batchSize must be a positive integer');
      let done = 0;
      let batch: Record<string, unknown>[] = [];
      const flush = async (): Promise<void> => {
        done += await write((exec) => loadBatch(context(exec, id), batch));
        batch = [];
        options.onProgress?.(done);
        // Let queued reads and requests run between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      };
      await backend.bulk(() => withDeferredIndexes(write, async () => {
        for (const resource of resources) {
          batch.push(resource);
          if (batch.length >= size) await flush();
        }
        if (batch.length > 0) await flush();
      }));
      await backend.analyze();
      return done;
    },

    reindex: async (env, onProgress) => {
      const id = env === undefined ? undefined : await envId(env);
      let done = 0;
      await backend.bulk(async () => {
        for (let afterRid = 0; ;) {
          const { lastRid, count } = await write((exec) => reindexBatch(exec, indexer, paramId, id, afterRid, REINDEX_BATCH));
          if (lastRid === undefined) return;
          done += count;
          afterRid = lastRid;
          onProgress?.(done);
        }
      });
      await backend.analyze();
      return done;
    },

    auth: createAuthStore(backend, async (env) => envId(env), clock),

    // Idempotent: a test helper and the test itself may both close.
    close: () => (closing ??= (caches?.stop(), backend.close())),
  };
}
