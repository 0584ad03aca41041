/**
 * SqlExecutor over one better-sqlite3 connection. Statements are prepared once per SQL text
 * and reused: preparing costs more than running a primary-key lookup.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { bindParams } from '../sql/backend.js';
import type { SqlExecutor } from '../sql/executor.js';

// Search SQL varies with the query; the cap keeps a long-running process from growing without bound.
const MAX_CACHED_STATEMENTS = 2000;

export class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  readonly #db: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  /** The cached prepared statement for `sql`. */
  statement(sql: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= MAX_CACHED_STATEMENTS) {
        // Evict the oldest entry (Map keeps insertion order); hot statements are re-prepared quickly.
        this.#statements.delete(this.#statements.keys().next().value!);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Synchronous `all`, for callers that are already inside a write transaction. */
  allSync<T>(sql: string, params: readonly unknown[] = []): T[] {
    const statement = this.statement(sql);
    // better-sqlite3 takes an array as the anonymous parameters: no argument spreading of
    // the hundreds of values a multi-row INSERT binds.
    if (!statement.reader) {
      statement.run(bindParams(params));
      return [];
    }
    return statement.all(bindParams(params)) as T[];
  }

  /** Synchronous `one`. */
  oneSync<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.statement(sql).get(bindParams(params)) as T | undefined;
  }

  /** Synchronous `run`. */
  runSync(sql: string, params: readonly unknown[] = []): { changes: number } {
    return { changes: this.statement(sql).run(bindParams(params)).changes };
  }

  async all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.allSync<T>(sql, params);
  }

  async one<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.oneSync<T>(sql, params);
  }

  async run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }> {
    return this.runSync(sql, params);
  }
}
