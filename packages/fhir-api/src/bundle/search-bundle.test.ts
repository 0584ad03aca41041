import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchResult, StoredResource } from '@payerport/store';
import { searchBundle } from './search-bundle.js';

const stored = (type: string, id: string): StoredResource => ({
  type, id, versionId: 1, lastUpdated: '2024-01-01T00:00:00.000Z', deleted: false,
  json: JSON.stringify({ resourceType: type, id, meta: { versionId: '1' } }),
});

const result = (over: Partial<SearchResult> = {}): SearchResult => ({
  matches: [stored('Practitioner', 'a')], included: [stored('Organization', 'o')], total: 1, nextCursor: 'c2', prevCursor: undefined, ...over,
});

const base = 'http://x/fhir/R4';
const input = { baseUrl: base, path: 'Practitioner', params: [['name', 'a']] as const, countOnly: false, ignored: [] };

describe('searchBundle', () => {
  it('is valid JSON with total, links, and match/include entries around the stored text', () => {
    const b = JSON.parse(searchBundle({ ...input, result: result() }));
    assert.equal(b.resourceType, 'Bundle');
    assert.equal(b.type, 'searchset');
    assert.equal(b.total, 1);
    assert.deepEqual(b.link.map((l: { relation: string }) => l.relation), ['self', 'next']);
    assert.deepEqual(b.entry.map((e: { search: { mode: string } }) => e.search.mode), ['match', 'include']);
    assert.equal(b.entry[0].fullUrl, `${base}/Practitioner/a`);
    assert.deepEqual(b.entry[1].resource, { resourceType: 'Organization', id: 'o', meta: { versionId: '1' } });
  });

  it('omits total when the store has none, and entries when there are none', () => {
    const b = JSON.parse(searchBundle({ ...input, result: result({ matches: [], included: [], total: undefined }) }));
    assert.equal('total' in b, false);
    assert.equal('entry' in b, false);
  });

  it('count-only bundles carry no entries', () => {
    const b = JSON.parse(searchBundle({ ...input, countOnly: true, result: result() }));
    assert.equal(b.total, 1);
    assert.equal(b.entry, undefined);
  });

  it('reports ignored parameters in an outcome entry', () => {
    const b = JSON.parse(searchBundle({ ...input, result: result(), ignored: [{ name: 'foo', reason: 'unknown' }] }));
    const last = b.entry.at(-1);
    assert.equal(last.search.mode, 'outcome');
    assert.equal(last.resource.resourceType, 'OperationOutcome');
    assert.deepEqual(last.resource.issue[0].expression, ['foo']);
  });

  it('applies the view to every resource', () => {
    const b = JSON.parse(searchBundle({ ...input, result: result(), view: () => '{"v":1}' }));
    assert.deepEqual(b.entry.map((e: { resource: unknown }) => e.resource), [{ v: 1 }, { v: 1 }]);
  });
});
