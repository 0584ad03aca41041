/**
 * Search results are cached between commits (SQLite, decision 0008): an identical search gets
 * the same frozen result, and never an answer older than the latest commit it could know
 * about — at once for this store's writes, within a poll interval for another process's.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseSearch, type Registry, type SearchQuery } from '@payerport/fhir';
import { forEachDialect } from '../test-dialects.js';
import { openSearchStore, searchRegistry } from './test-search-setup.js';

const org = (id: string, name: string) => ({ resourceType: 'Organization', id, name });
let registry: Registry;
const query = async (pairs: [string, string][]): Promise<SearchQuery> =>
  parseSearch((registry ??= await searchRegistry()), 'Organization', pairs, { lenient: false, defaultCount: 20, maxCount: 100 });
const names = (result: { matches: readonly { json: string }[] }) => result.matches.map((m) => (JSON.parse(m.json) as { name: string }).name);

forEachDialect('search cache', (open, dialect) => {
  it('answers an identical search alike, and a write of the same store at once', async () => {
    const store = await openSearchStore(open);
    await store.bulkLoad('sandbox', [org('a', 'Kona Clinic'), org('b', 'Hilo Clinic')]);
    const q = await query([['name', 'kona']]);
    const first = await store.search('sandbox', q);
    const second = await store.search('sandbox', await query([['name', 'kona']]));
    assert.deepEqual(names(second), ['Kona Clinic']);
    if (dialect === 'sqlite') {
      assert.equal(second, first, 'the cached result');
      assert.throws(() => (second.matches as unknown[]).push({}), TypeError, 'frozen');
    }
    assert.notEqual(await store.search('production', q), first, 'environments are separate');
    assert.deepEqual(names(await store.search('sandbox', await query([['name', 'kona'], ['_count', '1']]))), ['Kona Clinic']);
    await store.transaction('sandbox', (tx) => tx.update(org('c', 'Kona Coast Pharmacy')));
    assert.deepEqual(names(await store.search('sandbox', q)), ['Kona Clinic', 'Kona Coast Pharmacy']);
    await store.transaction('sandbox', (tx) => tx.delete('Organization', 'a'));
    assert.deepEqual(names(await store.search('sandbox', q)), ['Kona Coast Pharmacy']);
    await store.bulkLoad('sandbox', [org('d', 'Kona Hospital')]);
    assert.deepEqual(names(await store.search('sandbox', q)), ['Kona Coast Pharmacy', 'Kona Hospital']);
  });

  it('shows a write by another process within a second', async () => {
    const server = await openSearchStore(open);
    await server.bulkLoad('sandbox', [org('a', 'Kona Clinic')]);
    const q = await query([['name', 'kona']]);
    assert.deepEqual(names(await server.search('sandbox', q)), ['Kona Clinic']);
    const other = await openSearchStore((options) => open(options, server)); // e.g. `payerport import` on the same database
    await other.transaction('sandbox', (tx) => tx.update(org('b', 'Kona Hale')));
    let seen: string[] = [];
    for (let waited = 0; waited < 1000 && seen.length < 2; waited += 20) {
      seen = names(await server.search('sandbox', q));
      if (seen.length < 2) await sleep(20);
    }
    assert.deepEqual(seen, ['Kona Clinic', 'Kona Hale']);
  });
});
