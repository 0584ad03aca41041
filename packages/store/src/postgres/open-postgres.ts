/**
 * PostgreSQL backend: one `pg` Pool. Reads go to the pool; a transaction (or a search's read
 * snapshot) takes a dedicated client. With `schema`, every connection's search_path is set to
 * it at connect time (tests isolate themselves in a random schema).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';
import type { Backend } from '../sql/backend.js';
import type { SqlExecutor } from '../sql/executor.js';
import type { StoreLogger } from '../store-options.js';
import { INDEX_TABLES } from '../write/index-rows.js';
import { PgExecutor } from './pg-executor.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// pg returns int8 (rid, epoch ms, count(*)) and numeric as strings; both dialects must give
// numbers. Per-pool parsers, so other pg users in the same process keep the defaults.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? Number : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

// Our tables only: a bare ANALYZE would visit every table of every schema in the database.
const ANALYZED_TABLES = ['resource', 'resource_history', ...INDEX_TABLES].join(', ');

// Lower-case identifiers only: they need no quoting in search_path or DDL.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Connects to `url`, creating `schema` if given and missing. */
export async function openPostgres(url: string, schema: string | undefined, logger: StoreLogger | undefined): Promise<Backend> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`pgSchema must match ${SCHEMA_NAME.source}, got "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its connection emits here; unhandled, it would crash the process.
  pool.on('error', (error) => logger?.warn({ err: error }, 'postgres: idle client error'));

  try {
    if (schema !== undefined) await createSchema(pool, schema);
    const current = await pool.query<{ s: string | null }>('SELECT current_schema() AS s');
    const migrationSchema = current.rows[0]?.s ?? 'public';
    return backend(pool, migrationSchema);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two nodes starting at once can race past IF NOT EXISTS; the loser sees a duplicate.
    const code = (error as { code?: string }).code;
    if (code !== '42P06' && code !== '23505') throw error;
  }
}

function backend(pool: pg.Pool, migrationSchema: string): Backend {
  const withClient = async <T>(begin: string, fn: (exec: SqlExecutor) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await fn(new PgExecutor(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        // The connection is broken: destroy it rather than hand it to the next caller.
        client.release(rollbackError as Error);
      }
      throw error;
    }
  };

  return {
    dialect: 'postgres',
    reader: new PgExecutor(pool),
    kysely: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    migrationSchema,
    write: (fn) => withClient('BEGIN', fn),
    snapshot: (fn) => withClient('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn),
    bulk: (fn) => fn(),
    // Autovacuum would get there too, but only after the first searches ran with stale statistics.
    analyze: async () => { await pool.query(`ANALYZE ${ANALYZED_TABLES}`); },
    close: () => pool.end(),
  };
}
