/**
 * SQLite backend: better-sqlite3 in WAL mode. The writer connection runs every write
 * transaction, one at a time (async mutex). The reader serves single-statement reads; in WAL
 * mode it sees only committed data, so a request that arrives while a write transaction is open
 * never sees half of it, and reads never wait for writes. A third connection holds the read
 * transactions of multi-query reads (search, history): one snapshot for all their queries,
 * without ever making a plain read on the reader see an older snapshot than the latest commit.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from './background-checkpoints.js';
import type { Backend } from '../sql/backend.js';
import type { SqlExecutor } from '../sql/executor.js';
import { Mutex } from '../sql/mutex.js';
import { SqliteExecutor } from './sqlite-executor.js';

/** Opens (creating if missing) the SQLite database at `path`; `:memory:` gives a private in-memory one. */
export function openSqlite(path: string): Backend {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });

  const writer = new BetterSqlite3(path);
  if (!inMemory) {
    // Only a new, empty file takes a page size (WAL fixes it). Resources are ~2 KB of JSON and
    // a commit writes every dirty page to the WAL with its own frame: 16 KiB pages made bulk
    // loads ~20 % faster than the default 4 KiB (fewer frames, half the system time per resource;
    // bench/README.md, session 4), 32 KiB slower again.
    writer.pragma(`page_size = ${PAGE_SIZE}`);
    writer.pragma('journal_mode = WAL');
    // After a checkpoint resets the WAL, truncate the file back to this size (a bulk load grows it).
    writer.pragma('journal_size_limit = 67108864');
  }
  configure(writer);
  // A file created before payerport chose its page size keeps 4 KiB.
  const pageSize = writer.pragma('page_size', { simple: true }) as number;
  if (!inMemory) writer.pragma(`wal_autocheckpoint = ${Math.ceil(CHECKPOINT_BYTES / pageSize)}`);
  // An in-memory database is private to its connection, so it gets one connection for all
  // roles: reads may then see an open transaction's writes. Tests that care use a file.
  const readerDb = inMemory ? writer : openReader(path);
  const snapshotDb = inMemory ? writer : openReader(path);

  const writerExec = new SqliteExecutor(writer);
  const reader = inMemory ? writerExec : new SqliteExecutor(readerDb);
  const snapshotExec = inMemory ? writerExec : new SqliteExecutor(snapshotDb);
  const writes = new Mutex();
  const snapshots = new Mutex();
  let bulkRuns = 0;
  let checkpoints: BackgroundCheckpoints | undefined;
  const dataVersion = readerDb.prepare('PRAGMA data_version').pluck();

  return {
    dialect: 'sqlite',
    reader,
    kysely: new Kysely<Database>({ dialect: new SqliteDialect({ database: writer }) }),
    migrationSchema: undefined,
    commitCounter: () => dataVersion.get() as number,

    write: (fn) =>
      writes.run(async () => {
        // IMMEDIATE takes the write lock now, so another process (a CLI import) waits at BEGIN
        // (busy_timeout) instead of failing half-way through.
        writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(writerExec);
          writer.exec('COMMIT');
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw error;
        }
      }),

    bulk: async (fn) => {
      if (inMemory) return fn();
      // The first of concurrent bulk loads sends the writer's sorts to temporary files and hands
      // its checkpoints to a second thread; the last one to finish undoes both. Should the
      // thread die (or not start), the writer checkpoints again, every BULK_CHECKPOINT_BYTES.
      if (bulkRuns++ === 0) {
        // The deferred filter indexes are built by external sorts; spilled to temporary files they
        // take ~40 % less time than in memory (SQLite keeps in-memory spills in small chunks):
        // one index over 10M token rows, 13–14 s against 23–24 s.
        writer.pragma('temp_store = FILE');
        const selfCheckpoints = (): void => { writer.pragma(`wal_autocheckpoint = ${Math.ceil(BULK_CHECKPOINT_BYTES / pageSize)}`); };
        try {
          checkpoints = startBackgroundCheckpoints(path, BACKGROUND_CHECKPOINT_MS, selfCheckpoints);
          writer.pragma('wal_autocheckpoint = 0');
        } catch {
          // No thread to be had: the writer checkpoints, less often than usual.
          selfCheckpoints();
        }
      }
      try {
        return await fn();
      } finally {
        if (--bulkRuns === 0) {
          await checkpoints?.stop();
          checkpoints = undefined;
          writer.pragma('temp_store = MEMORY');
          writer.pragma(`wal_autocheckpoint = ${Math.ceil(CHECKPOINT_BYTES / pageSize)}`);
        }
      }
    },

    analyze: () =>
      writes.run(() => snapshots.run(async () => {
        // A sampled ANALYZE: milliseconds even on large tables, and enough for the planner.
        writer.pragma('analysis_limit = 1000');
        writer.exec('ANALYZE');
        // A repeated ANALYZE does not change the schema version, so the other connections would
        // keep planning with the old statistics; `ANALYZE sqlite_schema` makes them reload.
        if (!inMemory) {
          for (const db of [readerDb, snapshotDb]) {
            db.pragma('query_only = OFF');
            db.exec('ANALYZE sqlite_schema');
            db.pragma('query_only = ON');
          }
        }
      })),

    snapshot: (fn) => (inMemory ? fn(reader) : snapshots.run(() => inReadTransaction(snapshotDb, snapshotExec, fn))),

    close: async () => {
      // Let an in-flight write transaction and read snapshot finish before the connections go away.
      await writes.run(() => snapshots.run(async () => {
        if (!inMemory) {
          readerDb.close();
          snapshotDb.close();
        }
        writer.pragma('optimize');
        writer.close();
      }));
    },
  };
}

const PAGE_SIZE = 16384;
// WAL size that triggers a checkpoint (SQLite's default is 1000 pages). During bulk loads a second
// thread checkpoints every BACKGROUND_CHECKPOINT_MS; should it fail, the writer does at
// BULK_CHECKPOINT_BYTES (checkpointing every 4 MB took about a fifth of a load: index pages
// rewritten by consecutive batches were copied back each time).
const CHECKPOINT_BYTES = 4 * 1024 * 1024;
const BULK_CHECKPOINT_BYTES = 128 * 1024 * 1024;
const BACKGROUND_CHECKPOINT_MS = 100;

function openReader(path: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(path);
  configure(db);
  db.pragma('query_only = ON');
  return db;
}

function configure(db: BetterSqlite3.Database): void {
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

async function inReadTransaction<T>(db: BetterSqlite3.Database, exec: SqlExecutor, fn: (exec: SqlExecutor) => Promise<T>): Promise<T> {
  // A deferred read transaction pins one WAL snapshot for all the queries of a search.
  db.exec('BEGIN');
  try {
    return await fn(exec);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}
