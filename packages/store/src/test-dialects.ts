/**
 * Runs a storage test body once per dialect: SQLite always (a temporary file, so the two
 * connections and WAL behave as in production), PostgreSQL when DATABASE_URL is set — every
 * opened store in its own random schema, dropped afterwards. With REQUIRE_POSTGRES=1 a missing
 * or unreachable PostgreSQL fails the run instead of skipping.
 *
 *   forEachDialect('history', (open) => {
 *     it('pages', async () => { const store = await open({ indexer, paramTypes }); ... });
 *   });
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createStore } from './create-store.js';
import type { Dialect } from './sql/executor.js';
import type { SqlStore } from './sql-store.js';
import type { StoreOptions } from './store-options.js';

/** Store options minus the location, which the helper chooses. */
export type TestStoreOptions = Omit<StoreOptions, 'databaseUrl' | 'sqlitePath' | 'pgSchema'>;
/**
 * Opens a fresh, empty store of the current dialect — or, with `sameAs`, another store on the
 * database of an earlier one (to test reopening). Everything is closed and removed after the suite.
 */
export type OpenStore = (options: TestStoreOptions, sameAs?: SqlStore) => Promise<SqlStore>;

// Where each opened store lives (SQLite file / PostgreSQL schema), for `sameAs`.
const locations = new WeakMap<SqlStore, string>();
const sqliteFiles = new WeakMap<SqlStore, string>();

/**
 * A SQL executor that may write, for tests that must shape stored rows the API never writes
 * (e.g. as an older version did): on SQLite `store.sql` is the read-only reader connection, so
 * this is a connection of its own to the same file, closed with the suite.
 */
export function rawWriter(store: SqlStore): { run(sql: string, params?: unknown[]): Promise<void> } {
  const file = sqliteFiles.get(store);
  if (file === undefined) return { run: async (sql, params) => { await store.sql.run(sql, params); } };
  return {
    run: async (sql, params = []) => {
      const db = new Database(file);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
  };
}

/** Declares `describe(name [dialect])` per dialect and calls `body` inside it. */
export function forEachDialect(name: string, body: (open: OpenStore, dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(() => runAll(cleanups));
    body(async (options, sameAs) => {
      const reused = sameAs === undefined ? undefined : locations.get(sameAs);
      const dir = reused ?? mkdtempSync(join(tmpdir(), 'payerport-store-'));
      if (reused === undefined) cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const store = await createStore({ ...options, sqlitePath: join(dir, 'test.sqlite') });
      locations.set(store, dir);
      sqliteFiles.set(store, join(dir, 'test.sqlite'));
      cleanups.push(() => store.close());
      return store;
    }, 'sqlite');
  });

  const url = process.env.DATABASE_URL;
  const required = process.env.REQUIRE_POSTGRES === '1';
  if (url === undefined || url === '') {
    if (required) {
      describe(`${name} [postgres]`, () => {
        it('has a PostgreSQL to test against', () => assert.fail('REQUIRE_POSTGRES=1 but DATABASE_URL is not set'));
      });
    } else {
      describe(`${name} [postgres]`, { skip: 'DATABASE_URL not set: PostgreSQL tests skipped' }, () => {});
    }
    return;
  }

  describe(`${name} [postgres]`, async () => {
    const problem = await probe(url);
    if (problem !== undefined) {
      const reason = `PostgreSQL at DATABASE_URL unreachable: ${problem}`;
      if (required) it('has a PostgreSQL to test against', () => assert.fail(reason));
      else it('has a PostgreSQL to test against', { skip: reason }, () => {});
      return;
    }
    const cleanups: (() => Promise<void>)[] = [];
    after(() => runAll(cleanups));
    body(async (options, sameAs) => {
      const reused = sameAs === undefined ? undefined : locations.get(sameAs);
      const schema = reused ?? `test_${randomBytes(6).toString('hex')}`;
      if (reused === undefined) cleanups.push(() => dropSchema(url, schema));
      const store = await createStore({ ...options, databaseUrl: url, pgSchema: schema });
      locations.set(store, schema);
      // Close before the schema is dropped (cleanups run in reverse order).
      cleanups.push(() => store.close());
      return store;
    }, 'postgres');
  });
}

let probed: Promise<string | undefined> | undefined;

/** Undefined if PostgreSQL answers, else why not (checked once per process). */
function probe(url: string): Promise<string | undefined> {
  probed ??= (async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probed;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs cleanups newest first (stores close before their file or schema goes). */
async function runAll(cleanups: (() => Promise<void>)[]): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
