/** Transactions are all-or-nothing and invisible to readers until committed, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indexer } from '@payerport/fhir';
import type { StoreTx } from './store.js';
import { forEachDialect } from './test-dialects.js';
import { createTestIndexer, testStoreOptions } from './test-indexer.js';

const count = async (store: { sql: { all<T>(sql: string): Promise<T[]> } }, table: string): Promise<number> =>
  Number((await store.sql.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

describe('transactions', () => {
  forEachDialect('transactions', (open, dialect) => {
    it('rolls back every write when the callback throws', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'keep', name: [{ family: 'Keep' }] }));
      await assert.rejects(store.transaction('sandbox', async (tx) => {
        await tx.create({ resourceType: 'Patient', id: 'new', name: [{ family: 'New' }] });
        await tx.update({ resourceType: 'Patient', id: 'keep', name: [{ family: 'Changed' }] });
        await tx.delete('Patient', 'keep');
        assert.equal((await tx.read('Patient', 'new'))?.versionId, 1, 'the transaction sees its own writes');
        throw new Error('boom');
      }), /boom/);
      assert.equal(await store.read('sandbox', 'Patient', 'new'), undefined);
      const keep = await store.read('sandbox', 'Patient', 'keep');
      assert.deepEqual([keep?.versionId, keep?.deleted], [1, false]);
      assert.deepEqual([await count(store, 'resource'), await count(store, 'resource_history'), await count(store, 'idx_string')], [1, 1, 1]);
    });

    it('reads and writes many resources inside a transaction, all or nothing', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'old', name: [{ family: 'Old' }] }));
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'old'));
      const many = Array.from({ length: 300 }, (_, i) => ({ resourceType: 'Patient', id: `m${i}`, name: [{ family: `M${i}` }] }));
      await assert.rejects(store.transaction('sandbox', async (tx) => {
        await tx.writeMany(many);
        assert.equal((await tx.readMany('Patient', ['m0', 'm299'])).size, 2, 'the transaction sees its own writes');
        throw new Error('boom');
      }), /boom/);
      assert.equal(await count(store, 'resource'), 1);
      await store.transaction('sandbox', (tx) => tx.writeMany([...many, { resourceType: 'Patient', id: 'old', name: [{ family: 'Back' }] }]));
      const found = await store.transaction('sandbox', (tx) => tx.readMany('Patient', ['m5', 'old', 'm5', 'absent', 'm298']));
      assert.deepEqual([...found.keys()].sort(), ['m298', 'm5', 'old']);
      assert.deepEqual([found.get('old')?.versionId, found.get('old')?.deleted, found.get('m5')?.versionId], [3, false, 1]);
      assert.equal(JSON.parse(found.get('m298')!.json).name[0].family, 'M298');
      assert.equal(await count(store, 'idx_string'), 301);
    });

    it('leaves nothing behind when indexing fails half-way', async () => {
      const base = createTestIndexer();
      const indexer: Indexer = {
        extract: (r) => {
          if (r.id === 'bad') throw new Error('indexer failed');
          return base.extract(r);
        },
      };
      const store = await open({ ...testStoreOptions(), indexer });
      await store.ensureEnvironment('sandbox');
      await assert.rejects(store.transaction('sandbox', async (tx) => {
        await tx.update({ resourceType: 'Patient', id: 'good', name: [{ family: 'Good' }] });
        await tx.update({ resourceType: 'Patient', id: 'bad', name: [{ family: 'Bad' }] });
      }), /indexer failed/);
      for (const table of ['resource', 'resource_history', 'idx_string']) assert.equal(await count(store, table), 0, table);
      // The store still works afterwards (connection released / writer unlocked).
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'good' }));
      assert.equal(await count(store, 'resource'), 1);
    });

    it('hides an open transaction from concurrent reads', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      let release!: () => void;
      const wait = new Promise<void>((resolve) => { release = resolve; });
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => { written = resolve; });
      const tx = store.transaction('sandbox', async (t) => {
        await t.update({ resourceType: 'Patient', id: 'p1' });
        written();
        await wait;
      });
      await wrote;
      assert.equal(await store.read('sandbox', 'Patient', 'p1'), undefined, `${dialect}: read during the transaction`);
      assert.equal((await store.history('sandbox', { count: 5 })).entries.length, 0);
      release();
      await tx;
      assert.equal((await store.read('sandbox', 'Patient', 'p1'))?.versionId, 1);
    });

    it('serialises concurrent transactions on one resource', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await Promise.all(Array.from({ length: 8 }, (_, i) =>
        store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'p1', gender: i % 2 ? 'male' : 'female', birthDate: `200${i}` }))));
      const history = await store.history('sandbox', { type: 'Patient', id: 'p1', count: 20 });
      assert.deepEqual(history.entries.map((e) => e.versionId), [8, 7, 6, 5, 4, 3, 2, 1]);
    });

    it('turns two concurrent update-as-creates of one id into a create and an update', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let created!: () => void;
      const inFirst = new Promise<void>((resolve) => { created = resolve; });
      const first = store.transaction('sandbox', async (tx) => {
        await tx.update({ resourceType: 'Patient', id: 'race', gender: 'male' });
        created();
        await gate;
      });
      await inFirst;
      // PostgreSQL: the second's INSERT waits on the first's uncommitted row, then must update it.
      const second = store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'race', gender: 'female' }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      await first;
      const result = await second;
      assert.deepEqual([result.created, result.stored.versionId], [false, 2]);
      assert.equal(JSON.parse((await store.read('sandbox', 'Patient', 'race'))!.json).gender, 'female');
    });

    it('refuses a transaction object used after it ended', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      let leaked!: StoreTx;
      await store.transaction('sandbox', async (tx) => { leaked = tx; });
      await assert.rejects(leaked.read('Patient', 'x'), /transaction has ended/);
      assert.equal(await store.transaction('sandbox', async () => 42), 42);
    });
  });
});
