/**
 * Reads never return a version older than the latest commit the reader could know about: at
 * once for writes made through the same store, and within a poll interval for writes of another
 * connection or process (the SQLite read cache's contract; PostgreSQL has no cache).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDialect } from '../test-dialects.js';
import { testStoreOptions } from '../test-indexer.js';

const patient = (family: string) => ({ resourceType: 'Patient', id: 'p1', name: [{ family }] });

forEachDialect('read coherence', (open) => {
  it('a read after a write of the same store returns what was written', async () => {
    const store = await open(testStoreOptions());
    await store.ensureEnvironment('sandbox');
    await store.transaction('sandbox', (tx) => tx.update(patient('v1')));
    for (let v = 2; v <= 5; v++) {
      assert.equal((await store.read('sandbox', 'Patient', 'p1'))?.versionId, v - 1); // cached now, where there is a cache
      await store.transaction('sandbox', (tx) => tx.update(patient(`v${v}`)));
      const read = await store.read('sandbox', 'Patient', 'p1');
      assert.equal(read?.versionId, v);
      assert.match(read!.json, new RegExp(`"family":"v${v}"`));
    }
    await store.read('sandbox', 'Patient', 'p1');
    await store.transaction('sandbox', (tx) => tx.delete('Patient', 'p1'));
    assert.equal((await store.read('sandbox', 'Patient', 'p1'))?.deleted, true);
    await store.bulkLoad('sandbox', [patient('bulk')]);
    assert.match((await store.read('sandbox', 'Patient', 'p1'))!.json, /"family":"bulk"/);
  });

  it('a write by another process shows in reads within a second', async () => {
    const server = await open(testStoreOptions());
    await server.ensureEnvironment('sandbox');
    await server.transaction('sandbox', (tx) => tx.update(patient('before')));
    assert.match((await server.read('sandbox', 'Patient', 'p1'))!.json, /before/);
    const cli = await open(testStoreOptions(), server); // e.g. `payerport import` on the same database
    await cli.transaction('sandbox', (tx) => tx.update(patient('after')));
    let seen = '';
    for (let waited = 0; waited < 1000 && !seen.includes('after'); waited += 20) {
      seen = (await server.read('sandbox', 'Patient', 'p1'))!.json;
      if (!seen.includes('after')) await sleep(20);
    }
    assert.match(seen, /"family":"after"/);
  });
});
