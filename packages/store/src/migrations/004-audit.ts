/**
 * The audit trail of Patient Access (issue P4 item 8): one row per authorization, token
 * issuance, refresh, revocation and FHIR request made with a token. Never a token or secret:
 * who (client, member, patient), what, when and the outcome.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../sql/executor.js';
import { columnTypes } from './column-types.js';

export function auditMigration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('audit_event')
        .addColumn('event_id', t.keyType, t.key)
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('at_ms', t.bigint, (c) => c.notNull())
        .addColumn('kind', t.text, (c) => c.notNull())
        .addColumn('action', t.text, (c) => c.notNull())
        .addColumn('outcome', t.text, (c) => c.notNull())
        .addColumn('client_id', t.text)
        .addColumn('member', t.text)
        .addColumn('patient', t.text)
        .addColumn('grant_id', t.text)
        .addColumn('detail', t.text)
        .execute();
      // The CMS-0057-F metrics scan one year of data transfers; support staff look up a patient's trail.
      await db.schema.createIndex('audit_event_env_kind_at').on('audit_event').columns(['env', 'kind', 'at_ms']).execute();
      await db.schema.createIndex('audit_event_env_patient_at').on('audit_event').columns(['env', 'patient', 'at_ms']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('audit_event').execute();
    },
  };
}
