/** Bulk loads into an empty database build the filter indexes at the end; every dialect. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withDeferredIndexes } from './bulk/deferred-indexes.js';
import { createStore } from './create-store.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { FILTER_INDEXES } from './migrations/001-initial.js';
import type { SqlStore } from './sql-store.js';
import { forEachDialect } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

const patients = (n: number, prefix = 'p') =>
  Array.from({ length: n }, (_, i) => ({ resourceType: 'Patient', id: `${prefix}${i}`, name: [{ family: `Family${i}` }] }));

/** How many of the filter indexes exist in the store's database (schema). */
async function filterIndexesPresent(store: SqlStore): Promise<number> {
  const sql = store.dialect === 'sqlite'
    ? "SELECT name FROM sqlite_master WHERE type = 'index'"
    : 'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()';
  const names = new Set((await store.sql.all<{ name: string }>(sql)).map((row) => row.name));
  return FILTER_INDEXES.filter((index) => names.has(index.name)).length;
}

describe('deferred filter indexes', () => {
  forEachDialect('deferred indexes', (open) => {
    it('loads into an empty database without the filter indexes, then builds them', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      const during: Promise<number>[] = [];
      await store.bulkLoad('sandbox', patients(30), { batchSize: 10, onProgress: () => void during.push(filterIndexesPresent(store)) });
      assert.deepEqual(await Promise.all(during), [0, 0, 0]);
      assert.equal(await filterIndexesPresent(store), FILTER_INDEXES.length);
      const rows = await store.sql.all<{ id: string }>("SELECT r.id FROM idx_string s JOIN resource r ON r.rid = s.rid WHERE s.norm = 'family17'");
      assert.deepEqual(rows.map((row) => row.id), ['p17']);
    });

    it('keeps the indexes when the database already holds resources', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.bulkLoad('sandbox', patients(1, 'first'));
      const during: Promise<number>[] = [];
      await store.bulkLoad('sandbox', patients(20), { batchSize: 10, onProgress: () => void during.push(filterIndexesPresent(store)) });
      assert.deepEqual(await Promise.all(during), [FILTER_INDEXES.length, FILTER_INDEXES.length]);
    });

    it('rebuilds them when the load fails half-way', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await assert.rejects(store.bulkLoad('sandbox', [...patients(5), { resourceType: 'Patient', id: 'bad id' }], { batchSize: 5 }));
      assert.equal(await filterIndexesPresent(store), FILTER_INDEXES.length);
    });

  });
});

describe('deferred filter indexes after a crash [sqlite]', () => {
  it('are recreated when the store is next opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payerport-deferred-'));
    try {
      const path = join(dir, 'db.sqlite');
      const first = await createStore({ ...testStoreOptions(), sqlitePath: path });
      await first.close();
      // A load that never ends stands for a process killed while the indexes were dropped.
      const backend = openSqlite(path);
      void withDeferredIndexes((fn) => backend.write(fn), () => new Promise<never>(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const names = async (store: SqlStore) => filterIndexesPresent(store);
      await backend.close();
      const reopened = await createStore({ ...testStoreOptions(), sqlitePath: path });
      try {
        assert.equal(await names(reopened), FILTER_INDEXES.length);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
