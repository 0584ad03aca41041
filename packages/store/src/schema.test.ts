/** Migrations create exactly the tables of schema.ts, re-run as no-ops, and keep pids on reopen. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDialect } from './test-dialects.js';
import { TEST_PARAMS, testStoreOptions } from './test-indexer.js';

// schema.ts's `Database`, written out: the migration must match the contract column for column.
const EXPECTED: Record<string, string[]> = {
  environment: ['env', 'name'],
  search_param: ['pid', 'resource_type', 'code', 'param_type', 'url'],
  resource: ['rid', 'env', 'type', 'id', 'version_id', 'last_updated', 'last_updated_ms', 'deleted', 'content'],
  resource_history: ['rid', 'version_id', 'env', 'type', 'id', 'last_updated', 'last_updated_ms', 'deleted', 'method', 'content'],
  idx_string: ['env', 'pid', 'rid', 'norm', 'exact'],
  idx_token: ['env', 'pid', 'rid', 'system', 'code', 'text'],
  idx_reference: ['env', 'pid', 'rid', 'target_type', 'target_id', 'url', 'url_version', 'identifier_system', 'identifier_value'],
  idx_date: ['env', 'pid', 'rid', 'low', 'high'],
  idx_number: ['env', 'pid', 'rid', 'value', 'low', 'high'],
  idx_quantity: ['env', 'pid', 'rid', 'system', 'code', 'unit', 'value', 'low', 'high'],
  idx_uri: ['env', 'pid', 'rid', 'uri'],
  idx_position: ['env', 'pid', 'rid', 'latitude', 'longitude'],
  audit_event: ['event_id', 'env', 'at_ms', 'kind', 'action', 'outcome', 'client_id', 'member', 'patient', 'grant_id', 'detail'],
  auth_payload: ['env', 'model', 'id', 'payload', 'grant_id', 'uid', 'user_code', 'expires_at', 'consumed_at'],
  auth_key: ['env', 'kid', 'key_use', 'jwk', 'created_at', 'retired_at'],
  auth_client: ['env', 'client_id', 'metadata', 'secret_hash', 'disabled', 'created_at', 'updated_at'],
  member: ['env', 'id', 'username', 'password_hash', 'display_name', 'language', 'failed_attempts', 'locked_until', 'created_at'],
  member_patient: ['env', 'member_id', 'patient_id', 'relationship', 'display', 'position'],
};

describe('schema', () => {
  forEachDialect('schema', (open, dialect) => {
    it('has exactly the contract tables and columns', async () => {
      const store = await open(testStoreOptions());
      const tables = dialect === 'sqlite'
        ? await store.sql.all<{ t: string; c: string }>(
          "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'kysely_%' ORDER BY m.name, p.cid")
        : await store.sql.all<{ t: string; c: string }>(
          "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, ordinal_position");
      const actual: Record<string, string[]> = {};
      for (const { t, c } of tables) (actual[t] ??= []).push(c);
      assert.deepEqual(actual, EXPECTED);
    });

    it('returns 64-bit integers as numbers', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'p', birthDate: '0001' }));
      const [row] = await store.sql.all<Record<string, unknown>>(
        'SELECT r.rid, r.last_updated_ms, d.low, d.high, (SELECT count(*) FROM resource) AS n FROM resource r JOIN idx_date d ON d.rid = r.rid');
      for (const value of Object.values(row!)) assert.equal(typeof value, 'number');
      assert.equal(row!.low, -62135596800000);
    });

    it('reopens an existing database without migrating twice, keeping pids and data', async () => {
      const first = await open(testStoreOptions());
      await first.ensureEnvironment('sandbox');
      await first.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'p' }));
      const pid = first.paramId('Patient', 'name');
      await first.close();
      const extra = { resourceType: 'Patient', code: 'gender', type: 'token', url: 'http://test/gender' };
      const renamed = TEST_PARAMS.map((p) => (p.code === 'name' ? { ...p, url: 'http://test/renamed' } : p));
      const second = await open({ ...testStoreOptions(), paramTypes: [extra, ...renamed] }, first);
      assert.equal(second.paramId('Patient', 'name'), pid);
      assert.equal(typeof second.paramId('Patient', 'gender'), 'number');
      const [row] = await second.sql.all<{ url: string }>('SELECT url FROM search_param WHERE pid = ?', [pid]);
      assert.equal(row?.url, 'http://test/renamed');
      assert.equal((await second.read('sandbox', 'Patient', 'p'))?.versionId, 1);
    });
  });
});
