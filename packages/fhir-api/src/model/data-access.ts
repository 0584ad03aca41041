/**
 * One seam for "where do reads and writes go": straight to the store for an ordinary request
 * (each write in its own transaction), or to an open transaction for the entries of a
 * transaction Bundle (so they see each other's writes and roll back together).
 */
import type { SearchAccess, SearchQuery } from '@payerport/fhir';
import type { HistoryOptions, HistoryPage, SearchResult, Store, StoreTx, StoredResource } from '@payerport/store';

export interface DataAccess {
  read(type: string, id: string): Promise<StoredResource | undefined>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Versions and history are read from committed data (StoreTx has no vread/history). */
  vread(type: string, id: string, versionId: number, access?: SearchAccess): Promise<StoredResource | undefined>;
  history(options: HistoryOptions): Promise<HistoryPage>;
  /** Runs `fn` in a transaction: a new one, or the enclosing Bundle transaction. */
  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

/** Store access bound to one environment; built once per environment, not per request. */
export function storeAccess(store: Store, env: string): DataAccess {
  return {
    read: (type, id) => store.read(env, type, id),
    search: (query) => store.search(env, query),
    vread: (type, id, vid, access) => store.vread(env, type, id, vid, access),
    history: (options) => store.history(env, options),
    write: (fn) => store.transaction(env, fn),
  };
}

/** Access inside an open transaction (transaction Bundles). */
export function txAccess(tx: StoreTx, store: Store, env: string): DataAccess {
  return {
    read: (type, id) => tx.read(type, id),
    search: (query) => tx.search(query),
    vread: (type, id, vid, access) => store.vread(env, type, id, vid, access),
    history: (options) => store.history(env, options),
    write: (fn) => fn(tx),
  };
}
