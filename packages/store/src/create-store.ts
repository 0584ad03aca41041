/** Opens the store: picks the dialect, migrates, registers search parameters. */
import { ensureFilterIndexes } from './bulk/deferred-indexes.js';
import { migrate } from './migrations/migrate.js';
import { Environments } from './registry/environments.js';
import { SearchParams } from './registry/search-params.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import type { Backend } from './sql/backend.js';
import { sqlStore, type SqlStore } from './sql-store.js';
import { DEFAULT_READ_CACHE_BYTES, DEFAULT_SQLITE_PATH, type StoreOptions } from './store-options.js';

/** Opens PostgreSQL when `databaseUrl` is set, SQLite otherwise; the schema is migrated to the latest version. */
export async function createStore(options: StoreOptions): Promise<SqlStore> {
  const backend = await openBackend(options);
  try {
    await migrate(backend, options.logger);
    // A bulk load interrupted while its indexes were deferred left them missing.
    await ensureFilterIndexes((fn) => backend.write(fn));
    const params = await SearchParams.open(backend, options.paramTypes);
    const store = sqlStore({
      backend,
      envs: new Environments(backend),
      params,
      indexer: options.indexer,
      clock: options.clock ?? Date.now,
      readCacheBytes: options.readCacheBytes ?? DEFAULT_READ_CACHE_BYTES,
    });
    options.logger?.info({ dialect: backend.dialect, params: options.paramTypes.length }, 'store: open');
    return store;
  } catch (error) {
    await backend.close();
    throw error;
  }
}

async function openBackend(options: StoreOptions): Promise<Backend> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('databaseUrl must be a postgres:// or postgresql:// URL');
    }
    // Loaded only here: a SQLite install never needs the PostgreSQL driver in memory.
    const { openPostgres } = await import('./postgres/open-postgres.js');
    return openPostgres(options.databaseUrl, options.pgSchema, options.logger);
  }
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
}
