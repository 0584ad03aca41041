/** SQLite specifics: WAL with a read-only reader connection, and the `:memory:` mode. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createStore } from '../create-store.js';
import { openSqlite } from './open-sqlite.js';
import { startBackgroundCheckpoints } from './background-checkpoints.js';
import { testStoreOptions } from '../test-indexer.js';

describe('sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'payerport-sqlite-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs in WAL mode, and the reader connection cannot write', async () => {
    const store = await createStore({ ...testStoreOptions(), sqlitePath: join(dir, 'nested', 'wal.sqlite') });
    try {
      const [mode] = await store.sql.all<{ journal_mode: string }>('PRAGMA journal_mode');
      assert.equal(mode?.journal_mode, 'wal');
      await assert.rejects(store.sql.run('INSERT INTO environment (name) VALUES (?)', ['x']), /readonly|read-only/i);
    } finally {
      await store.close();
    }
  });

  it('creates new files with 16 KiB pages and opens older 4 KiB files as they are', async () => {
    const pageSize = async (path: string) => {
      const store = await createStore({ ...testStoreOptions(), sqlitePath: path });
      try {
        await store.ensureEnvironment('sandbox');
        await store.bulkLoad('sandbox', [{ resourceType: 'Patient', id: 'a', name: [{ family: 'Ka' }] }]);
        assert.equal((await store.read('sandbox', 'Patient', 'a'))?.versionId, 1);
        return Number((await store.sql.all<{ page_size: number }>('PRAGMA page_size'))[0]!.page_size);
      } finally {
        await store.close();
      }
    };
    assert.equal(await pageSize(join(dir, 'new.sqlite')), 16384);
    const old = join(dir, 'old.sqlite');
    const db = new BetterSqlite3(old);
    db.pragma('page_size = 4096');
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE before_payerport (x INTEGER)');
    db.close();
    assert.equal(await pageSize(old), 4096);
  });

  it('checkpoints from a second thread beside a writer that does not', async () => {
    const path = join(dir, 'checkpoints.sqlite');
    const writer = new BetterSqlite3(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (x TEXT)');
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    writer.transaction(() => { for (let i = 0; i < 3000; i++) insert.run('x'.repeat(2000)); })();
    const before = statSync(path).size;
    assert.ok(statSync(`${path}-wal`).size > 5_000_000, 'the rows are in the WAL only');
    const checkpoints = startBackgroundCheckpoints(path, 10, (error) => assert.fail(error));
    try {
      const deadline = Date.now() + 10_000;
      while (statSync(path).size - before < 5_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(statSync(path).size - before >= 5_000_000, `database file grew by ${statSync(path).size - before} bytes`);
      // The writer goes on while the thread runs.
      writer.transaction(() => { for (let i = 0; i < 100; i++) insert.run('y'); })();
    } finally {
      await checkpoints.stop();
      writer.close();
    }
  });

  it('reports a checkpoint thread that dies, and still stops', async () => {
    // A directory is no database: the thread fails as it opens it.
    const failures: Error[] = [];
    const checkpoints = startBackgroundCheckpoints(dir, 10, (error) => failures.push(error));
    const deadline = Date.now() + 10_000;
    while (failures.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(failures.length, 1);
    await checkpoints.stop();
  });

  it('works in memory with one connection', async () => {
    const store = await createStore({ ...testStoreOptions(), sqlitePath: ':memory:' });
    try {
      await store.ensureEnvironment('sandbox');
      const created = await store.transaction('sandbox', (tx) => tx.create({ resourceType: 'Patient' }));
      assert.equal((await store.read('sandbox', 'Patient', created.id))?.json, created.json);
      assert.equal((await store.history('sandbox', { count: 5 })).entries.length, 1);
    } finally {
      await store.close();
    }
  });

  it('waits for a running transaction before closing', async () => {
    const store = await createStore({ ...testStoreOptions(), sqlitePath: join(dir, 'close.sqlite') });
    await store.ensureEnvironment('sandbox');
    const writing = store.transaction('sandbox', async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return tx.create({ resourceType: 'Patient', id: 'late' });
    });
    await new Promise((resolve) => setImmediate(resolve));
    await store.close();
    assert.equal((await writing).versionId, 1);
    const again = await createStore({ ...testStoreOptions(), sqlitePath: join(dir, 'close.sqlite') });
    assert.equal((await again.read('sandbox', 'Patient', 'late'))?.versionId, 1);
    await again.close();
  });

  it('keeps a snapshot for multi-query reads while plain reads see every commit', async () => {
    const backend = openSqlite(join(dir, 'snapshot.sqlite'));
    try {
      await backend.write((exec) => exec.run('CREATE TABLE t (v integer)'));
      await backend.write((exec) => exec.run('INSERT INTO t VALUES (1)'));
      const count = async (exec: typeof backend.reader) => Number((await exec.all<{ n: number }>('SELECT count(*) AS n FROM t'))[0]!.n);
      let resume!: () => void;
      const paused = new Promise<void>((resolve) => { resume = resolve; });
      const snapshot = backend.snapshot(async (exec) => {
        const before = await count(exec);
        await paused;
        return [before, await count(exec)];
      });
      await backend.write((exec) => exec.run('INSERT INTO t VALUES (2)'));
      assert.equal(await count(backend.reader), 2);
      resume();
      assert.deepEqual(await snapshot, [1, 1]);
    } finally {
      await backend.close();
    }
  });
});
