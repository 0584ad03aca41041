/**
 * The storage seam. Handlers talk to this interface only; SQLite and PostgreSQL implement it
 * with the same schema and migrations. Every method that writes runs in one transaction.
 */
import type { SearchAccess, SearchQuery } from '@payerport/fhir';
import type { AuthStore } from './auth/auth-store.js';

/** One stored version of a resource. `json` is the canonical JSON text, returned as is on reads. */
export interface StoredResource {
  readonly type: string;
  readonly id: string;
  readonly versionId: number;
  /** meta.lastUpdated, an instant with millisecond precision (`2026-11-28T17:30:00.123Z`). */
  readonly lastUpdated: string;
  readonly deleted: boolean;
  /** Canonical JSON text, meta.versionId/lastUpdated included. For a deletion: the last version's text. */
  readonly json: string;
}

export interface HistoryEntry extends StoredResource {
  /** How this version came to be: `create` (version 1), `update`, or `delete`. */
  readonly method: 'create' | 'update' | 'delete';
}

export interface HistoryOptions {
  type?: string;
  id?: string;
  /** `_since`: only versions with lastUpdated >= this instant (epoch ms). */
  sinceMs?: number;
  count: number;
  cursor?: string;
  /**
   * The caller's view (a member's token): only versions it shows of resources it shows now.
   * Instance and type history only (a view across every type is the API's to refuse).
   */
  access?: SearchAccess;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  nextCursor: string | undefined;
  total: number | undefined;
}

export interface SearchResult {
  matches: StoredResource[];
  /** Resources added by `_include` / `_revinclude` (never duplicates of matches). */
  included: StoredResource[];
  total: number | undefined;
  nextCursor: string | undefined;
  prevCursor: string | undefined;
}

export interface WriteOptions {
  /** `If-Match` version: the write fails with 412 unless the current version equals it. */
  ifMatch?: number;
}

export interface UpdateResult {
  stored: StoredResource;
  created: boolean;
  /** True when the new content equals the current version (no new version was written). */
  unchanged?: boolean;
}

/** Operations available inside a transaction; all of them see the transaction's own writes. */
export interface StoreTx {
  read(type: string, id: string): Promise<StoredResource | undefined>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Creates a resource; assigns a new id unless `id` is given (used for update-as-create). */
  create(resource: Record<string, unknown>): Promise<StoredResource>;
  /** Creates or updates `resource` (its `id` must be set). */
  update(resource: Record<string, unknown>, options?: WriteOptions): Promise<UpdateResult>;
  /** Deletes; returns the deletion version, or undefined if there was nothing to delete. */
  delete(type: string, id: string, options?: WriteOptions): Promise<StoredResource | undefined>;
  /** The current versions of many resources of one type, by id (absent ids are missing from the map). */
  readMany(type: string, ids: readonly string[]): Promise<Map<string, StoredResource>>;
  /**
   * Creates or updates many resources (ids set) with the bulk-load statements: multi-row INSERTs
   * for new ones, the update path for stored ones and repeats, in input order. Imports use it
   * inside their own transaction; on PostgreSQL it saves a round trip per row.
   */
  writeMany(resources: readonly Record<string, unknown>[]): Promise<void>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates the environment partition if missing (idempotent). */
  ensureEnvironment(name: string): Promise<void>;
  environments(): Promise<string[]>;

  /** Current version (a deleted resource comes back with deleted = true); undefined if never existed. */
  read(env: string, type: string, id: string): Promise<StoredResource | undefined>;
  /** One version; under `access`, only when the resource is visible now and that version was too. */
  vread(env: string, type: string, id: string, versionId: number, access?: SearchAccess): Promise<StoredResource | undefined>;
  history(env: string, options: HistoryOptions): Promise<HistoryPage>;
  search(env: string, query: SearchQuery): Promise<SearchResult>;

  /**
   * Runs `fn` in one database transaction: all its writes land, or none do. `fn` must use the
   * `tx` it is given: a write through the Store itself from inside `fn` waits for this one forever.
   */
  transaction<T>(env: string, fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  /** Loads many resources fast (one transaction per batch, prepared statements). Ids must be set. */
  bulkLoad(env: string, resources: Iterable<Record<string, unknown>>, options?: { batchSize?: number; onProgress?: (done: number) => void }): Promise<number>;

  /** Rebuilds every index row from stored content (after the active SearchParameters change). */
  reindex(env: string | undefined, onProgress?: (done: number) => void): Promise<number>;

  /** The authorization server's state (tokens, keys, clients) per environment. */
  readonly auth: AuthStore;

  close(): Promise<void>;
}
