import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredResource } from '../store.js';
import { ReadCache, readCacheKey, searchCacheKey } from './read-cache.js';

const stored = (id: string, size = 100): StoredResource =>
  ({ type: 'Patient', id, versionId: 1, lastUpdated: '2026-01-01T00:00:00.000Z', deleted: false, json: 'x'.repeat(size) });
// What one entry of `size` characters is charged (text, key, overhead), as the cache counts it.
const charge = (id: string, size = 100) => size * 2 + readCacheKey(1, 'Patient', id).length * 2 + 160;

describe('ReadCache', () => {
  it('returns what was put until it is cleared', () => {
    const cache = new ReadCache(1 << 20);
    const key = readCacheKey(1, 'Patient', 'a');
    cache.set(key, stored('a'), cache.epoch);
    assert.equal(cache.get(key)?.id, 'a');
    assert.equal(cache.get(readCacheKey(2, 'Patient', 'a')), undefined, 'environments are separate');
    cache.clear();
    assert.equal(cache.get(key), undefined);
  });

  it('drops a read that began before a clear', () => {
    const cache = new ReadCache(1 << 20);
    const epoch = cache.epoch;
    cache.clear(); // a write committed while the read was in flight
    cache.set(readCacheKey(1, 'Patient', 'a'), stored('a'), epoch);
    assert.equal(cache.size, 0);
  });

  it('evicts the oldest entries first, but keeps one read since it came in', () => {
    const cache = new ReadCache(charge('e00') * 10);
    const id = (i: number) => `e${String(i).padStart(2, '0')}`; // equal lengths: equal charges
    const key = (i: number) => readCacheKey(1, 'Patient', id(i));
    for (let i = 0; i < 10; i++) cache.set(key(i), stored(id(i)), cache.epoch);
    assert.equal(cache.size, 10);
    assert.ok(cache.get(key(0)));
    cache.set(key(10), stored(id(10)), cache.epoch);
    assert.equal(cache.size, 10);
    assert.ok(cache.get(key(0)), 'read since insertion: second chance');
    assert.equal(cache.get(key(1)), undefined, 'oldest unread entry evicted');
    assert.ok(cache.get(key(10)));
  });

  it('does not let one large resource push out everything else', () => {
    const cache = new ReadCache(charge('a') * 10);
    cache.set(readCacheKey(1, 'Patient', 'a'), stored('a'), cache.epoch);
    cache.set(readCacheKey(1, 'Patient', 'big'), stored('big', 1000), cache.epoch); // over an eighth of the budget
    assert.equal(cache.get(readCacheKey(1, 'Patient', 'big')), undefined);
    assert.ok(cache.get(readCacheKey(1, 'Patient', 'a')));
  });
});

describe('searchCacheKey', () => {
  const param = { url: 'http://hl7.org/fhir/SearchParameter/Organization-name', code: 'name', expression: 'Organization.name', base: ['Organization'], type: 'string' };
  const query = (extra: object = {}) => ({ type: 'Organization', filters: [{ kind: 'param', param, values: [{ kind: 'string', raw: 'a', norm: 'a' }] }], count: 10, ...extra });

  it('names parameters by URL and code, and tells queries and environments apart', () => {
    const key = searchCacheKey(1, query())!;
    assert.match(key, /Organization-name#name/);
    assert.doesNotMatch(key, /expression/);
    assert.equal(searchCacheKey(1, query()), key);
    assert.notEqual(searchCacheKey(2, query()), key);
    assert.notEqual(searchCacheKey(1, query({ cursor: 'abc' })), key);
    assert.notEqual(searchCacheKey(1, query({ count: 11 })), key);
  });

  it('has no key for a query carrying behaviour (a token\'s access view), so such searches are never cached; the shared public view has one', () => {
    assert.equal(searchCacheKey(1, query({ access: { visibility: () => ({ kind: 'all' }) } })), undefined);
    assert.notEqual(searchCacheKey(1, query({ access: undefined })), undefined);
    const publicKey = searchCacheKey(1, query({ access: { cacheKey: 'public', visibility: () => ({ kind: 'all' }) } }));
    assert.match(publicKey!, /access:public/);
    assert.notEqual(publicKey, searchCacheKey(1, query()), 'the public view is part of the key');
  });
});

describe('ReadCache admitting on the second miss', () => {
  it('keeps a value only when its key misses a second time, and forgets misses on clear', () => {
    const cache = new ReadCache<StoredResource>(1 << 20, undefined, { admitOnSecondMiss: true });
    const key = readCacheKey(1, 'Patient', 'a');
    cache.set(key, stored('a'), cache.epoch);
    assert.equal(cache.get(key), undefined, 'first miss: remembered, not kept');
    cache.set(key, stored('a'), cache.epoch);
    assert.equal(cache.get(key)?.id, 'a', 'second miss: kept');
    const other = readCacheKey(1, 'Patient', 'b');
    cache.set(other, stored('b'), cache.epoch);
    cache.clear();
    cache.set(other, stored('b'), cache.epoch);
    assert.equal(cache.get(other), undefined, 'a clear forgets the misses too');
  });

  it('remembers only the most recent misses', () => {
    const cache = new ReadCache<StoredResource>(1 << 24, undefined, { admitOnSecondMiss: true });
    const key = (i: number) => readCacheKey(1, 'Patient', `p${i}`);
    cache.set(key(0), stored('p0'), cache.epoch);
    for (let i = 1; i <= 8192; i++) cache.set(key(i), stored(`p${i}`), cache.epoch);
    cache.set(key(0), stored('p0'), cache.epoch);
    assert.equal(cache.get(key(0)), undefined, 'p0 was pushed out of the doorkeeper');
    cache.set(key(8192), stored('p8192'), cache.epoch);
    assert.ok(cache.get(key(8192)), 'a recent miss is still remembered');
  });
});
