/** Index rows: written for every kind, replaced on update, removed on delete, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SqlStore } from './sql-store.js';
import { forEachDialect } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

/** Every index row of one resource, as `table:param:values` strings, sorted. */
async function rowsOf(store: SqlStore, type: string, id: string): Promise<string[]> {
  const out: string[] = [];
  const tables: Record<string, string> = {
    idx_string: 'norm, exact', idx_token: 'system, code, text',
    idx_reference: 'target_type, target_id, url, url_version, identifier_system, identifier_value',
    idx_date: 'low, high', idx_number: 'value, low, high', idx_quantity: 'system, code, unit, value, low, high',
    idx_uri: 'uri', idx_position: 'latitude, longitude',
  };
  for (const [table, columns] of Object.entries(tables)) {
    const rows = await store.sql.all<Record<string, unknown>>(
      `SELECT p.code AS param, x.env AS env, ${columns.split(', ').map((c) => `x.${c}`).join(', ')} FROM ${table} x ` +
        'JOIN resource r ON r.rid = x.rid JOIN search_param p ON p.pid = x.pid WHERE r.type = ? AND r.id = ?',
      [type, id],
    );
    for (const row of rows) out.push(`${table}:${Object.values(row).map((v) => (v === null ? '-' : String(v))).join('|')}`);
  }
  return out.sort();
}

describe('index rows', () => {
  forEachDialect('index rows', (open) => {
    const setup = async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      return store;
    };

    it('writes one row per extracted value into the table of its kind, skipping unknown parameters', async () => {
      const store = await setup();
      await store.transaction('sandbox', async (tx) => {
        await tx.update({
          resourceType: 'Patient', id: 'p1', name: [{ family: 'Núñez', given: ['Ana'] }],
          identifier: [{ system: 'urn:s', value: '42' }, { value: 'x' }], birthDate: '1980',
          managingOrganization: { reference: 'Organization/o1' }, multipleBirthInteger: 2,
        });
        await tx.update({ resourceType: 'Observation', id: 'o1', valueQuantity: { value: 150, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } });
        await tx.update({ resourceType: 'ValueSet', id: 'v1', url: 'http://example.org/vs' });
        await tx.update({ resourceType: 'Location', id: 'l1', position: { latitude: 19.7, longitude: -155.08 } });
        await tx.update({ resourceType: 'Practitioner', id: 'pr', name: [{ family: 'Unindexed' }] });
      });
      assert.deepEqual(await rowsOf(store, 'Patient', 'p1'), [
        `idx_date:birthdate|1|${Date.UTC(1980, 0, 1)}|${Date.UTC(1981, 0, 1)}`,
        'idx_number:birth-order|1|2|1.5|2.5',
        'idx_reference:organization|1|Organization|o1|-|-|-|-',
        'idx_string:name|1|ana|Ana',
        'idx_string:name|1|nunez|Núñez',
        'idx_token:identifier|1|-|x|-',
        'idx_token:identifier|1|urn:s|42|-',
      ]);
      assert.deepEqual(await rowsOf(store, 'Observation', 'o1'), ['idx_quantity:value-quantity|1|http://unitsofmeasure.org|kg|kg|150|149.5|150.5']);
      assert.deepEqual(await rowsOf(store, 'ValueSet', 'v1'), ['idx_uri:url|1|http://example.org/vs']);
      assert.deepEqual(await rowsOf(store, 'Location', 'l1'), ['idx_position:near|1|19.7|-155.08']);
      assert.deepEqual(await rowsOf(store, 'Practitioner', 'pr'), []);
    });

    it('replaces rows on update, removes them on delete, restores them on revival', async () => {
      const store = await setup();
      const write = (family: string) => store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'p1', name: [{ family }] }));
      await write('One');
      assert.deepEqual(await rowsOf(store, 'Patient', 'p1'), ['idx_string:name|1|one|One']);
      await write('Two');
      assert.deepEqual(await rowsOf(store, 'Patient', 'p1'), ['idx_string:name|1|two|Two']);
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1'));
      assert.deepEqual(await rowsOf(store, 'Patient', 'p1'), []);
      await write('Three');
      assert.deepEqual(await rowsOf(store, 'Patient', 'p1'), ['idx_string:name|1|three|Three']);
    });

    it('indexes the stored form, meta included', async () => {
      const seen: Record<string, unknown>[] = [];
      const store = await open({ ...testStoreOptions(), indexer: { extract: (r) => { seen.push(r); return []; } } });
      await store.ensureEnvironment('sandbox');
      const created = await store.transaction('sandbox', (tx) => tx.create({ resourceType: 'Patient' }));
      assert.equal(JSON.stringify(seen[0]), created.json);
    });

    it('assigns a pid per (type, code), falling back to parameters declared on Resource', async () => {
      const params = [...testStoreOptions().paramTypes, { resourceType: 'Resource', code: '_id', type: 'token', url: 'http://test/_id' }];
      const store = await open({ ...testStoreOptions(), paramTypes: params });
      const pids = [store.paramId('Patient', 'name'), store.paramId('Patient', 'identifier'), store.paramId('Resource', '_id')];
      assert.ok(pids.every((p) => typeof p === 'number'));
      assert.equal(new Set(pids).size, 3);
      assert.equal(store.paramId('Observation', '_id'), pids[2]);
      assert.equal(store.paramId('Practitioner', 'name'), undefined);
      assert.equal(store.paramId('Patient', '_unindexed'), undefined);
    });
  });
});
