/** bulkLoad and reindex, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError, type Indexer } from '@payerport/fhir';
import { forEachDialect } from './test-dialects.js';
import { createTestIndexer, testStoreOptions } from './test-indexer.js';

const patients = (n: number, prefix = 'p') =>
  Array.from({ length: n }, (_, i) => ({ resourceType: 'Patient', id: `${prefix}${i}`, name: [{ family: `Family${i}` }], identifier: [{ system: 'urn:s', value: String(i) }] }));

describe('bulk', () => {
  forEachDialect('bulk', (open) => {
    const count = async (store: { sql: { all<T>(sql: string, p?: unknown[]): Promise<T[]> } }, sql: string, params: unknown[] = []) =>
      Number((await store.sql.all<{ n: number }>(sql, params))[0]!.n);

    it('loads in batches with versions, history and index rows, reporting progress', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      const progress: number[] = [];
      // A generator: bulkLoad must not need an array.
      function* source() { yield* patients(250); }
      const loaded = await store.bulkLoad('sandbox', source(), { batchSize: 100, onProgress: (n) => progress.push(n) });
      assert.equal(loaded, 250);
      assert.deepEqual(progress, [100, 200, 250]);
      const p7 = await store.read('sandbox', 'Patient', 'p7');
      assert.deepEqual([p7?.versionId, JSON.parse(p7!.json).meta.versionId, JSON.parse(p7!.json).name], [1, '1', [{ family: 'Family7' }]]);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM resource_history WHERE method = ?', ['create']), 250);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM idx_string'), 250);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM idx_token'), 250);
      const history = await store.history('sandbox', { type: 'Patient', id: 'p249', count: 5 });
      assert.deepEqual(history.entries.map((e) => e.method), ['create']);
    });

    it('updates existing resources and repeats within a batch in input order, skipping unchanged ones', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.bulkLoad('sandbox', patients(3));
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p2'));
      const input = [
        { resourceType: 'Patient', id: 'p0', name: [{ family: 'Changed' }] },
        patients(3)[1]!, // unchanged
        { resourceType: 'Patient', id: 'p2', name: [{ family: 'Revived' }] },
        { resourceType: 'Patient', id: 'new', name: [{ family: 'A' }] },
        { resourceType: 'Patient', id: 'new', name: [{ family: 'B' }] },
        { resourceType: 'Patient', id: 'p0', name: [{ family: 'Again' }] },
      ];
      assert.equal(await store.bulkLoad('sandbox', input, { batchSize: 10 }), 6);
      const version = async (id: string) => (await store.read('sandbox', 'Patient', id))!;
      assert.deepEqual([(await version('p0')).versionId, (await version('p1')).versionId, (await version('p2')).versionId, (await version('new')).versionId], [3, 1, 3, 2]);
      assert.equal(JSON.parse((await version('new')).json).name[0].family, 'B');
      assert.equal(JSON.parse((await version('p0')).json).name[0].family, 'Again');
      assert.equal(await count(store, "SELECT count(*) AS n FROM idx_string WHERE norm IN ('a', 'family0', 'changed')"), 0);
      assert.equal(await count(store, "SELECT count(*) AS n FROM idx_string WHERE norm IN ('b', 'again', 'revived', 'family1')"), 4);
    });

    it('rolls back a batch holding an invalid resource, keeping earlier batches', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      const input = [...patients(4), { resourceType: 'Patient', id: 'bad id' }, ...patients(2, 'q')];
      await assert.rejects(store.bulkLoad('sandbox', input, { batchSize: 3 }), (e: unknown) => e instanceof FhirError && e.status === 400);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM resource'), 3);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM resource_history'), 3);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM idx_string'), 3);
    });

    it('reindexes from stored content after extraction changes, per environment or all', async () => {
      let upper = false;
      const base = createTestIndexer();
      const indexer: Indexer = {
        extract: (r) => base.extract(r).map((row) => (upper && row.kind === 'string' ? { ...row, norm: row.norm.toUpperCase() } : row)),
      };
      const store = await open({ ...testStoreOptions(), indexer });
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('production');
      await store.bulkLoad('sandbox', patients(1500));
      await store.bulkLoad('production', patients(10));
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p0'));
      upper = true;
      const progress: number[] = [];
      assert.equal(await store.reindex('production', (n) => progress.push(n)), 10);
      assert.deepEqual(progress, [10]);
      const upperCount = () => count(store, "SELECT count(*) AS n FROM idx_string WHERE substr(norm, 1, 6) = 'FAMILY'");
      assert.equal(await upperCount(), 10);
      assert.equal(await store.reindex(undefined), 1509);
      assert.equal(await upperCount(), 1509);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM idx_string'), 1509);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM idx_token'), 1509);
      assert.equal(await count(store, "SELECT count(*) AS n FROM idx_token t JOIN resource r ON r.rid = t.rid WHERE r.env <> t.env"), 0);
    });
  });
});
