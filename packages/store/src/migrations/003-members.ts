/**
 * Member accounts (the people who sign in to the Patient Access API) and the patients each
 * may share: their own record (`self`) and those of people they represent (HIPAA personal
 * representatives: parent, guardian…). Per environment, like every other row. Numbered 003:
 * 002 is the authorization server's tables (another branch).
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../sql/executor.js';
import { columnTypes } from './column-types.js';

/** Migration 003 for `dialect`. */
export function membersMigration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('member')
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('id', t.text, (c) => c.notNull())
        // Stored normalised (the auth package lower-cases it), so uniqueness is case-insensitive.
        .addColumn('username', t.text, (c) => c.notNull())
        // Self-describing (`$scrypt$ln=…`): the parameters travel with the hash.
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        // Epoch ms; NULL when not locked.
        .addColumn('locked_until', t.bigint)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('member_pk', ['env', 'id'])
        .addUniqueConstraint('member_env_username', ['env', 'username'])
        .execute();

      await db.schema.createTable('member_patient')
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('member_id', t.text, (c) => c.notNull())
        .addColumn('patient_id', t.text, (c) => c.notNull())
        // 'self' or a personal-representative relationship ('parent', 'guardian', …).
        .addColumn('relationship', 'text', (c) => c.notNull())
        .addColumn('display', 'text', (c) => c.notNull())
        // The order the picker lists them in (self first, as seeded).
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('member_patient_pk', ['env', 'member_id', 'patient_id'])
        .execute();
      // "Who may share this patient's record?" (support, and revoking on a relationship change).
      await db.schema.createIndex('member_patient_env_patient_id').on('member_patient').columns(['env', 'patient_id']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('member_patient').execute();
      await db.schema.dropTable('member').execute();
    },
  };
}
