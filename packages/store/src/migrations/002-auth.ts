/**
 * Authorization server state (see `auth/auth-store.ts`): oidc-provider's artefacts, the signing
 * keys and the OAuth clients, each per environment. `env` is the environment's integer id, like
 * every other table. Times are epoch milliseconds (bigint), booleans 0/1.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../sql/executor.js';
import { columnTypes } from './column-types.js';

/** Migration 002 for `dialect`. */
export function authMigration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // One table for every oidc-provider model (codes, tokens, grants, sessions, interactions):
      // the adapter contract is the same for all of them, and `revokeByGrantId` is one index.
      await db.schema.createTable('auth_payload')
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('model', t.text, (c) => c.notNull())
        .addColumn('id', t.text, (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('grant_id', t.text)
        .addColumn('uid', t.text)
        .addColumn('user_code', t.text)
        .addColumn('expires_at', t.bigint)
        .addColumn('consumed_at', t.bigint)
        .addPrimaryKeyConstraint('auth_payload_pk', ['env', 'model', 'id'])
        .execute();
      await db.schema.createIndex('auth_payload_grant').on('auth_payload').columns(['env', 'grant_id']).execute();
      await db.schema.createIndex('auth_payload_uid').on('auth_payload').columns(['env', 'model', 'uid']).execute();
      await db.schema.createIndex('auth_payload_user_code').on('auth_payload').columns(['env', 'model', 'user_code']).execute();
      // The purge job deletes by expiry across environments.
      await db.schema.createIndex('auth_payload_expires').on('auth_payload').columns(['expires_at']).execute();

      // Private JWKs: `key_use` 'sig' signs tokens (published in the JWKS), 'cookie' ('oct') signs
      // cookies. A rotated key keeps its row with `retired_at` so it can still be published.
      await db.schema.createTable('auth_key')
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('kid', t.text, (c) => c.notNull())
        .addColumn('key_use', t.text, (c) => c.notNull())
        .addColumn('jwk', 'text', (c) => c.notNull())
        .addColumn('created_at', t.bigint, (c) => c.notNull())
        .addColumn('retired_at', t.bigint)
        .addPrimaryKeyConstraint('auth_key_pk', ['env', 'kid'])
        .execute();

      // Registered apps. The secret is stored only as a scrypt hash.
      await db.schema.createTable('auth_client')
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('client_id', t.text, (c) => c.notNull())
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.bigint, (c) => c.notNull())
        .addColumn('updated_at', t.bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('auth_client_pk', ['env', 'client_id'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['auth_client', 'auth_key', 'auth_payload']) await db.schema.dropTable(table).execute();
    },
  };
}
