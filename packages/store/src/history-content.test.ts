/**
 * Each version's text is stored once (read/history-content.ts): the current version's history
 * row is empty and is filled when a newer version replaces it. Every version must still read
 * back exactly as written, through vread and `_history`, on every dialect, whether it came from
 * a single write, a bulk load, or a database written before the change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SqlStore } from './sql-store.js';
import { forEachDialect, rawWriter } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

type Sql = SqlStore['sql'];

async function storedTexts(sql: Sql, id: string): Promise<string[]> {
  const rows = await sql.all<{ content: string }>(
    "SELECT h.content FROM resource_history h JOIN resource r ON r.rid = h.rid WHERE r.type = 'Patient' AND r.id = ? ORDER BY h.version_id",
    [id],
  );
  return rows.map((r) => r.content);
}

/** Every version of Patient/id as vread and instance history give it: `version:gender` (tombstones `version:deleted`). */
async function versions(store: SqlStore, id: string): Promise<{ vread: string[]; history: string[] }> {
  const page = await store.history('sandbox', { type: 'Patient', id, count: 50 });
  const describe = (json: string, deleted: boolean, version: number) => {
    const value = JSON.parse(json) as { id: string; gender?: string; meta: { versionId: string } };
    assert.equal(value.id, id);
    return deleted ? `${version}:deleted` : `${value.meta.versionId}:${value.gender ?? 'none'}`;
  };
  const history = page.entries.map((e) => describe(e.json, e.deleted, e.versionId)).reverse();
  const vread: string[] = [];
  for (let v = 1; v <= page.entries.length; v++) {
    const stored = (await store.vread('sandbox', 'Patient', id, v))!;
    vread.push(describe(stored.json, stored.deleted, v));
  }
  return { vread, history };
}

describe('history content', () => {
  forEachDialect('history content', (open) => {
    const setup = async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      return store;
    };

    it('keeps every version readable through updates, a delete and a revival, storing the current text once', async () => {
      const store = await setup();
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'a', gender: 'male' }));
      assert.deepEqual(await storedTexts(store.sql, 'a'), ['']);
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'a', gender: 'female' }));
      await store.transaction('sandbox', (tx) => tx.delete('Patient', 'a'));
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'a', gender: 'other' }));
      const expected = ['1:male', '2:female', '3:deleted', '4:other'];
      assert.deepEqual(await versions(store, 'a'), { vread: expected, history: expected });
      const texts = await storedTexts(store.sql, 'a');
      assert.equal(texts[3], '', 'the current version is not stored twice');
      assert.deepEqual(texts.slice(0, 3).map((t) => t === ''), [false, false, false]);
      assert.equal(JSON.parse(texts[1]!).gender, 'female');
    });

    it('fills in the replaced version of a bulk-loaded resource', async () => {
      const store = await setup();
      await store.bulkLoad('sandbox', [{ resourceType: 'Patient', id: 'b', gender: 'male' }, { resourceType: 'Patient', id: 'c' }]);
      assert.deepEqual(await storedTexts(store.sql, 'b'), ['']);
      // A second bulk load updates through the ordinary path.
      await store.bulkLoad('sandbox', [{ resourceType: 'Patient', id: 'b', gender: 'female' }]);
      const expected = ['1:male', '2:female'];
      assert.deepEqual(await versions(store, 'b'), { vread: expected, history: expected });
      assert.deepEqual(await versions(store, 'c'), { vread: ['1:none'], history: ['1:none'] });
      // Type and system history read the texts the same way.
      const typeLevel = await store.history('sandbox', { type: 'Patient', count: 10 });
      assert.deepEqual(typeLevel.entries.map((e) => `${e.id}/${e.versionId}:${JSON.parse(e.json).gender ?? 'none'}`).sort(), ['b/1:male', 'b/2:female', 'c/1:none']);
      const systemLevel = await store.history('sandbox', { count: 10 });
      assert.ok(systemLevel.entries.every((e) => JSON.parse(e.json).resourceType === 'Patient'));
    });

    it('reads and updates rows written before the change (full text in both tables)', async () => {
      const store = await setup();
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'd', gender: 'male' }));
      // What an older payerport wrote: the current version's text in its history row as well.
      await rawWriter(store).run(
        "UPDATE resource_history SET content = (SELECT r.content FROM resource r WHERE r.rid = resource_history.rid) WHERE content = ''",
      );
      assert.equal(JSON.parse((await storedTexts(store.sql, 'd'))[0]!).gender, 'male');
      assert.deepEqual(await versions(store, 'd'), { vread: ['1:male'], history: ['1:male'] });
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'd', gender: 'female' }));
      assert.deepEqual(await versions(store, 'd'), { vread: ['1:male', '2:female'], history: ['1:male', '2:female'] });
    });

    it('leaves no text behind when the transaction that replaces a version fails', async () => {
      const store = await setup();
      await store.transaction('sandbox', (tx) => tx.update({ resourceType: 'Patient', id: 'e', gender: 'male' }));
      await assert.rejects(store.transaction('sandbox', async (tx) => {
        await tx.update({ resourceType: 'Patient', id: 'e', gender: 'female' });
        throw new Error('abort');
      }), /abort/);
      assert.deepEqual(await storedTexts(store.sql, 'e'), ['']);
      assert.deepEqual(await versions(store, 'e'), { vread: ['1:male'], history: ['1:male'] });
    });
  });
});
