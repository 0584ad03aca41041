/**
 * SqlExecutor over a `pg` Pool (reads) or one PoolClient (a transaction). `?` placeholders are
 * rewritten to `$n` once per SQL text; frequent texts become named prepared statements, which
 * PostgreSQL parses and plans once per connection.
 */
import type pg from 'pg';
import { bindParams } from '../sql/backend.js';
import type { SqlExecutor } from '../sql/executor.js';

interface PreparedText { text: string; name: string | undefined }

// Named statements live in every pooled connection for its lifetime; past this many distinct
// texts (search SQL varies with the query) the rest run unnamed rather than grow server memory.
const MAX_NAMED_STATEMENTS = 1000;
const texts = new Map<string, PreparedText>();
let named = 0;

/** Rewrites `?` placeholders to `$1, $2, ...` (values are never inlined, so every `?` is a placeholder). */
export function toPositional(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function prepared(sql: string): PreparedText {
  let entry = texts.get(sql);
  if (entry === undefined) {
    entry = { text: toPositional(sql), name: named < MAX_NAMED_STATEMENTS ? `pp_${++named}` : undefined };
    texts.set(sql, entry);
  }
  return entry;
}

export class PgExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;
  readonly #db: pg.Pool | pg.PoolClient;

  constructor(db: pg.Pool | pg.PoolClient) {
    this.#db = db;
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.#query(sql, params);
    return result.rows as T[];
  }

  async one<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.#query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    const result = await this.#query(sql, params);
    return { changes: result.rowCount ?? 0 };
  }

  #query(sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    const { text, name } = prepared(sql);
    const values = bindParams(params) as unknown[];
    return this.#db.query(name === undefined ? { text, values } : { name, text, values });
  }
}
