/** Options of `createStore`, validated there. */
import type { Indexer } from '@payerport/fhir';

/** One indexed SearchParameter; the store keeps a stable integer `pid` per (resourceType, code). */
export interface IndexedParam {
  readonly resourceType: string;
  readonly code: string;
  /** SearchParameter.type: string, token, reference, date, number, quantity, uri, composite, special. */
  readonly type: string;
  readonly url: string;
}

/** The subset of a pino logger the store uses. */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface StoreOptions {
  /** `postgres://...`: use PostgreSQL. Otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  /** Default `./data/payerport.sqlite`; `:memory:` for a private in-memory database (tests). */
  sqlitePath?: string;
  /** PostgreSQL schema to work in (created if missing); lower-case identifier. */
  pgSchema?: string;
  indexer: Indexer;
  /** Every SearchParameter the indexer may emit rows for. */
  paramTypes: ReadonlyArray<IndexedParam>;
  logger?: StoreLogger;
  /**
   * Bytes of resource text kept by the read cache (default 16 MiB; 0 = off). Only where the
   * backend can see every commit (SQLite); on PostgreSQL other nodes write, so it stays off.
   */
  readCacheBytes?: number;
  /** Current time in epoch ms; tests freeze it to check lastUpdated ordering. Default `Date.now`. */
  clock?: () => number;
}

export const DEFAULT_READ_CACHE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_SQLITE_PATH = './data/payerport.sqlite';
