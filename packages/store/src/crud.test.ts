/** create / read / vread / update / delete semantics, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { forEachDialect } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

const patient = (extra: Record<string, unknown> = {}) => ({ resourceType: 'Patient', name: [{ family: 'Kealoha' }], ...extra });

const status = async (promise: Promise<unknown>): Promise<number> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FhirError, `expected FhirError, got ${String(error)}`);
    return error.status;
  }
  assert.fail('expected the call to fail');
};

describe('crud', () => {
  forEachDialect('crud', (open) => {
    const openEnv = async (clock?: () => number) => {
      const store = await open(testStoreOptions(clock ? { clock } : {}));
      await store.ensureEnvironment('sandbox');
      return store;
    };

    it('creates with a UUID id, version 1 and canonical JSON', async () => {
      const store = await openEnv();
      const created = await store.transaction('sandbox', (tx) =>
        tx.create({ gender: 'female', resourceType: 'Patient', meta: { profile: ['p'], versionId: '9' } }));
      assert.match(created.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(created.versionId, 1);
      assert.match(created.lastUpdated, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.equal(created.json, JSON.stringify({
        resourceType: 'Patient', id: created.id,
        meta: { versionId: '1', lastUpdated: created.lastUpdated, profile: ['p'] }, gender: 'female',
      }));
      assert.deepEqual(await store.read('sandbox', 'Patient', created.id), created);
    });

    it('reads nothing for unknown resources and types', async () => {
      const store = await openEnv();
      assert.equal(await store.read('sandbox', 'Patient', 'nope'), undefined);
      assert.equal(await store.vread('sandbox', 'Patient', 'nope', 1), undefined);
    });

    it('updates with incrementing versions, keeps every version readable', async () => {
      const store = await openEnv();
      const v1 = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1' })));
      assert.deepEqual([v1.created, v1.stored.versionId, v1.unchanged], [true, 1, undefined]);
      const v2 = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: 'male' })));
      assert.deepEqual([v2.created, v2.stored.versionId], [false, 2]);
      const v3 = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: 'female' })));
      assert.equal(v3.stored.versionId, 3);
      assert.equal(JSON.parse((await store.read('sandbox', 'Patient', 'p1'))!.json).gender, 'female');
      assert.equal(JSON.parse((await store.vread('sandbox', 'Patient', 'p1', 2))!.json).gender, 'male');
      assert.deepEqual(await store.vread('sandbox', 'Patient', 'p1', 1), v1.stored);
      assert.equal(await store.vread('sandbox', 'Patient', 'p1', 4), undefined);
    });

    it('writes no version when content is unchanged (meta.versionId/lastUpdated and key order ignored)', async () => {
      const store = await openEnv();
      const first = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: 'male' })));
      const again = await store.transaction('sandbox', (tx) =>
        tx.update({ gender: 'male', id: 'p1', resourceType: 'Patient', name: [{ family: 'Kealoha' }], meta: { versionId: '7', lastUpdated: '2001-01-01T00:00:00Z' } }));
      assert.equal(again.unchanged, true);
      assert.equal(again.created, false);
      assert.deepEqual(again.stored, first.stored);
      const page = await store.history('sandbox', { type: 'Patient', id: 'p1', count: 10 });
      assert.equal(page.entries.length, 1);
      const changedMeta = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: 'male', meta: { tag: [{ code: 't' }] } })));
      assert.equal(changedMeta.stored.versionId, 2);
    });

    it('keeps lastUpdated strictly increasing per resource even within one millisecond', async () => {
      const store = await openEnv(() => Date.UTC(2026, 0, 1));
      const stamps: string[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: i % 2 ? 'male' : 'female' })));
        stamps.push(r.stored.lastUpdated);
      }
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1'));
      stamps.push((await store.read('sandbox', 'Patient', 'p1'))!.lastUpdated);
      assert.deepEqual(stamps, [
        '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-01-01T00:00:00.002Z',
        '2026-01-01T00:00:00.003Z', '2026-01-01T00:00:00.004Z',
      ]);
    });

    it('deletes with a tombstone, is a no-op when repeated, revives on update', async () => {
      const store = await openEnv();
      const v1 = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1' })));
      const gone = await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1'));
      assert.deepEqual([gone?.versionId, gone?.deleted, gone?.json], [2, true, v1.stored.json]);
      assert.deepEqual(await store.read('sandbox', 'Patient', 'p1'), gone);
      assert.equal(await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1')), undefined);
      assert.equal(await store.transaction('sandbox', (tx) => tx.delete('Patient', 'never')), undefined);
      const revived = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1' })));
      assert.deepEqual([revived.created, revived.stored.versionId, revived.stored.deleted, revived.unchanged], [true, 3, false, undefined]);
      const methods = (await store.history('sandbox', { type: 'Patient', id: 'p1', count: 10 })).entries.map((e) => e.method);
      assert.deepEqual(methods, ['update', 'delete', 'create']);
    });

    it('creates with a given id (update-as-create), 409 if it exists, revives if deleted', async () => {
      const store = await openEnv();
      const created = await store.transaction('sandbox', (tx) => tx.create(patient({ id: 'given' })));
      assert.deepEqual([created.id, created.versionId], ['given', 1]);
      assert.equal(await status(store.transaction('sandbox', (tx) => tx.create(patient({ id: 'given' })))), 409);
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'given'));
      const revived = await store.transaction('sandbox', (tx) => tx.create(patient({ id: 'given' })));
      assert.deepEqual([revived.versionId, revived.deleted], [3, false]);
    });

    it('enforces If-Match with 412', async () => {
      const store = await openEnv();
      await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1' })));
      assert.equal(await status(store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: 'male' }), { ifMatch: 2 }))), 412);
      assert.equal(await status(store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1', { ifMatch: 3 }))), 412);
      assert.equal(await status(store.transaction('sandbox', (tx) => tx.update(patient({ id: 'new' }), { ifMatch: 1 }))), 412);
      assert.equal((await store.read('sandbox', 'Patient', 'p1'))!.versionId, 1);
      assert.equal(await store.read('sandbox', 'Patient', 'new'), undefined);
      const ok = await store.transaction('sandbox', (tx) => tx.update(patient({ id: 'p1', gender: 'male' }), { ifMatch: 1 }));
      assert.equal(ok.stored.versionId, 2);
      assert.equal((await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1', { ifMatch: 2 })))?.versionId, 3);
    });

    it('rejects invalid input with 400', async () => {
      const store = await openEnv();
      const write = (r: unknown, update = true) =>
        store.transaction<unknown>('sandbox', (tx) => (update ? tx.update(r as Record<string, unknown>) : tx.create(r as Record<string, unknown>)));
      assert.equal(await status(write({ id: 'x' })), 400);
      assert.equal(await status(write({ resourceType: 'patient', id: 'x' })), 400);
      assert.equal(await status(write({ resourceType: 'Patient' })), 400);
      assert.equal(await status(write({ resourceType: 'Patient', id: 'a b' })), 400);
      assert.equal(await status(write({ resourceType: 'Patient', id: 'x'.repeat(65) })), 400);
      assert.equal(await status(write({ resourceType: 'Patient', id: 7 }, false)), 400);
      assert.equal(await status(write({ resourceType: 'Patient', id: 'x', meta: [] })), 400);
      assert.equal(await status(write([])), 400);
      const ok = await write({ resourceType: 'Patient', id: 'A-z.0'.padEnd(64, '9') });
      assert.equal((ok as { created: boolean }).created, true);
    });
  });
});
