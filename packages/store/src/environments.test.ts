/** Environments partition the data; unknown names are 404. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { forEachDialect } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

describe('environments', () => {
  forEachDialect('environments', (open) => {
    it('creates idempotently and lists in creation order', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('production');
      await store.ensureEnvironment('sandbox');
      assert.deepEqual(await store.environments(), ['sandbox', 'production']);
    });

    it('keeps a resource in one environment invisible in another', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('production');
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Sand' }] }));
      await store.transaction('production', (tx) => tx.update({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Prod' }], gender: 'male' }));
      await store.transaction('production', (tx) => tx.update({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Prod' }], gender: 'female' }));
      assert.equal((await store.read('sandbox', 'Patient', 'p1'))!.versionId, 1);
      assert.equal((await store.read('production', 'Patient', 'p1'))!.versionId, 2);
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'only-sandbox' }));
      assert.equal(await store.read('production', 'Patient', 'only-sandbox'), undefined);
      assert.equal(await store.vread('production', 'Patient', 'only-sandbox', 1), undefined);
      const history = await store.history('production', { count: 10 });
      assert.deepEqual(history.entries.map((e) => `${e.id}/${e.versionId}`), ['p1/2', 'p1/1']);
      const rows = await store.sql.all<{ env: number; n: number }>('SELECT env, count(*) AS n FROM idx_string GROUP BY env ORDER BY env');
      assert.deepEqual(rows.map((r) => [Number(r.env), Number(r.n)]), [[1, 1], [2, 1]]);
    });

    it('answers 404 for an unknown environment, 400 for an invalid name', async () => {
      const store = await open(testStoreOptions());
      await assert.rejects(store.read('nowhere', 'Patient', 'x'), (e: unknown) => e instanceof FhirError && e.status === 404);
      await assert.rejects(store.transaction('nowhere', async () => 1), (e: unknown) => e instanceof FhirError && e.status === 404);
      await assert.rejects(store.history('nowhere', { count: 1 }), (e: unknown) => e instanceof FhirError && e.status === 404);
      await assert.rejects(store.ensureEnvironment('bad name'), (e: unknown) => e instanceof FhirError && e.status === 400);
    });
  });
});
