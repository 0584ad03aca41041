/**
 * The thin SQL seam below the store: statements written once with `?` placeholders run on
 * either dialect. The PostgreSQL executor rewrites `?` to `$n` (values are never inlined, so a
 * `?` only ever appears as a placeholder). Hot paths (reads, search, bulk load) use this
 * directly with prepared/cached statements; Kysely owns the schema and migrations.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. Primary-key lookups: SQLite stops at one row and builds no array. */
  one<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
}
