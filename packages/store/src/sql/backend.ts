/**
 * What a dialect provides to the store: a reader, write transactions, read snapshots and a
 * Kysely instance for migrations. SQLite and PostgreSQL each implement it in one file.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Dialect, SqlExecutor } from './executor.js';

export interface Backend {
  readonly dialect: Dialect;
  /** Single statements outside any transaction; sees committed data only. */
  readonly reader: SqlExecutor;
  /** Kysely over the same connections; used for the schema and migrations, not on hot paths. */
  readonly kysely: Kysely<Database>;
  /** Schema holding Kysely's migration tables (PostgreSQL), so a random test schema never sees another's. */
  readonly migrationSchema: string | undefined;
  /** Runs `fn` in one write transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  write<T>(fn: (exec: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs several reads against one consistent snapshot (a search issues more than one query). */
  snapshot<T>(fn: (exec: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a bulk load or reindex: SQLite checkpoints its WAL less often meanwhile. */
  bulk<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A number that changes whenever another connection — of this process or another — commits
   * (SQLite `PRAGMA data_version` on the reader). Undefined where the backend cannot tell cheaply
   * (PostgreSQL: other nodes write to the same database), which turns the read cache off.
   */
  commitCounter?(): number;
  /** Refreshes planner statistics after a large change (bulk load, reindex), so searches pick the right indexes. */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** Booleans become 0/1 and undefined becomes NULL, identically in both dialects. */
export function bindValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Returns `params` itself unless a value needs `bindValue` (the common case allocates nothing). */
export function bindParams(params: readonly unknown[]): readonly unknown[] {
  for (const value of params) {
    if (value === undefined || typeof value === 'boolean') return params.map(bindValue);
  }
  return params;
}
