import assert from 'node:assert/strict';
import { it } from 'node:test';
import { canonicalResource, sameContent } from './canonical-json.js';

it('orders resourceType, id, meta first and keeps the rest as given', () => {
  const value = canonicalResource({ b: 1, meta: { tag: [], versionId: 'x' }, resourceType: 'Patient', id: 'old', a: 2 }, 'new', 3, 'T');
  assert.equal(JSON.stringify(value), '{"resourceType":"Patient","id":"new","meta":{"versionId":"3","lastUpdated":"T","tag":[]},"b":1,"a":2}');
});

it('compares content ignoring meta.versionId/lastUpdated and key order, but not array order', () => {
  const a = JSON.stringify({ resourceType: 'Patient', id: 'p', meta: { versionId: '1', lastUpdated: 'T1' }, name: [{ given: ['A', 'B'] }] });
  assert.ok(sameContent(a, JSON.stringify({ name: [{ given: ['A', 'B'] }], id: 'p', resourceType: 'Patient', meta: { versionId: '2', lastUpdated: 'T2' } })));
  assert.ok(!sameContent(a, JSON.stringify({ resourceType: 'Patient', id: 'p', name: [{ given: ['B', 'A'] }] })));
  assert.ok(!sameContent(a, JSON.stringify({ resourceType: 'Patient', id: 'p', meta: { versionId: '1', lastUpdated: 'T1', source: 's' }, name: [{ given: ['A', 'B'] }] })));
  assert.ok(!sameContent(a, JSON.stringify({ resourceType: 'Patient', id: 'p', name: [{ given: ['A', 'B'] }], active: null })));
});
