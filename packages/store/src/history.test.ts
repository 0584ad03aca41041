/** `_history` at every level: newest first, keyset cursors, `_since`, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import type { HistoryOptions } from './store.js';
import type { SqlStore } from './sql-store.js';
import { forEachDialect } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

const T0 = Date.UTC(2026, 0, 1);

/** All entries, page by page, as `type/id/version`. */
async function walk(store: SqlStore, options: Omit<HistoryOptions, 'cursor'>): Promise<{ entries: string[]; pages: number }> {
  const entries: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.history('sandbox', { ...options, ...(cursor ? { cursor } : {}) });
    assert.ok(page.entries.length <= options.count);
    entries.push(...page.entries.map((e) => `${e.type}/${e.id}/${e.versionId}`));
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined);
  return { entries, pages };
}

describe('history', () => {
  forEachDialect('history', (open) => {
    // Clock under test control: several writes share a millisecond, so ties need the (rid, version) keyset.
    const setup = async () => {
      let now = T0;
      const store = await open(testStoreOptions({ clock: () => now }));
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('other');
      await store.transaction('sandbox', async (tx) => {
        await tx.update({ resourceType: 'Patient', id: 'a' });
        await tx.update({ resourceType: 'Patient', id: 'b' });
        await tx.update({ resourceType: 'Organization', id: 'o' });
      });
      now = T0 + 10;
      await store.transaction('sandbox', async (tx) => {
        await tx.update({ resourceType: 'Patient', id: 'a', gender: 'male' });
        await tx.delete('Patient', 'b');
      });
      now = T0 + 20;
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'a', gender: 'female' }));
      await store.transaction('other', (tx) => tx.update({ resourceType: 'Patient', id: 'a' }));
      return store;
    };

    it('lists system history newest first, ties broken by rid then version, across pages', async () => {
      const store = await setup();
      const all = await walk(store, { count: 100 });
      assert.deepEqual(all.entries, ['Patient/a/3', 'Patient/b/2', 'Patient/a/2', 'Organization/o/1', 'Patient/b/1', 'Patient/a/1']);
      assert.equal(all.pages, 1);
      for (const count of [1, 2, 4]) {
        const paged = await walk(store, { count });
        assert.deepEqual(paged.entries, all.entries, `count ${count}`);
        assert.equal(paged.pages, Math.ceil(6 / count));
      }
    });

    it('filters by type, instance and _since; gives a total for an instance', async () => {
      const store = await setup();
      assert.deepEqual((await walk(store, { type: 'Organization', count: 1 })).entries, ['Organization/o/1']);
      assert.deepEqual((await walk(store, { type: 'Patient', id: 'a', count: 2 })).entries, ['Patient/a/3', 'Patient/a/2', 'Patient/a/1']);
      assert.deepEqual((await walk(store, { type: 'Patient', sinceMs: T0 + 10, count: 2 })).entries, ['Patient/a/3', 'Patient/b/2', 'Patient/a/2']);
      const instance = await store.history('sandbox', { type: 'Patient', id: 'a', count: 1, sinceMs: T0 + 1 });
      assert.deepEqual([instance.total, instance.entries.length, instance.nextCursor !== undefined], [2, 1, true]);
      const missing = await store.history('sandbox', { type: 'Patient', id: 'zzz', count: 5 });
      assert.deepEqual([missing.total, missing.entries], [0, []]);
    });

    it('returns methods, deletion flags and stored texts', async () => {
      const store = await setup();
      const page = await store.history('sandbox', { type: 'Patient', id: 'b', count: 5 });
      assert.deepEqual(page.entries.map((e) => [e.method, e.deleted, e.lastUpdated]), [
        ['delete', true, '2026-01-01T00:00:00.010Z'],
        ['create', false, '2026-01-01T00:00:00.000Z'],
      ]);
      assert.equal(page.entries[0]!.json, page.entries[1]!.json);
    });

    it('rejects a malformed cursor with 400', async () => {
      const store = await setup();
      for (const cursor of ['nope', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a",1,1]').toString('base64url')]) {
        await assert.rejects(store.history('sandbox', { count: 1, cursor }), (e: unknown) => e instanceof FhirError && e.status === 400);
      }
    });
  });
});
