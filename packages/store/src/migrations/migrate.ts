/** Brings the schema up to date with Kysely's Migrator: one migration set for both dialects. */
import { Migrator, type Migration } from 'kysely';
import type { Backend } from '../sql/backend.js';
import type { StoreLogger } from '../store-options.js';
import { initialMigration } from './001-initial.js';
import { authMigration } from './002-auth.js';
import { membersMigration } from './003-members.js';
import { auditMigration } from './004-audit.js';

/** Every migration, in order; names sort lexically. */
function migrations(backend: Backend): Record<string, Migration> {
  return {
    '001-initial': initialMigration(backend.dialect),
    '002-auth': authMigration(backend.dialect),
    '003-members': membersMigration(backend.dialect),
    '004-audit': auditMigration(backend.dialect),
  };
}

/** Applies pending migrations; throws (leaving the failed one rolled back) if any fails. */
export async function migrate(backend: Backend, logger: StoreLogger | undefined): Promise<void> {
  const migrator = new Migrator({
    db: backend.kysely,
    provider: { getMigrations: async () => migrations(backend) },
    // Without a schema, Kysely looks for its table in *any* schema and may find another's.
    ...(backend.migrationSchema === undefined ? {} : { migrationTableSchema: backend.migrationSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') logger?.info({ migration: result.migrationName }, 'store: migration applied');
  }
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}
