/**
 * Identical anonymous directory searches are answered from the search cache (SQLite); a
 * member's token never shares cached results, and a write is seen at once.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { MEMBER_A, twoMembers } from '@payerport/fhir/testing';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, json, openTestApp } from '../test-app.js';
import { bearer, memberToken, testAccessResolver } from '../test-access.js';

forEachDialect('search cache through the API', (open, dialect) => {
  it('serves a repeated public search from the cache, never a token holder\'s', async () => {
    const t = await openTestApp(open, {}, testAccessResolver({ a: memberToken(MEMBER_A.patient, 'patient/*.rs') }, 'sandbox'));
    await t.store.bulkLoad('sandbox', [...twoMembers(), { resourceType: 'Organization', id: 'org-kona', name: 'Kona Clinic' }]);
    const hits = () => t.store.cacheStats().searches.hits;
    const search = async (url: string, headers: Record<string, string> = {}) => json(await t.app.inject({ url, headers }));
    const url = '/sandbox/fhir/R4/Organization?name=kona';
    await search(url);
    const before = hits();
    assert.equal((await search(url)).entry.length, 1);
    assert.equal(hits() - before, dialect === 'sqlite' ? 1 : 0, 'the second identical search is a hit');
    await t.app.inject({ method: 'PUT', url: '/sandbox/fhir/R4/Organization/org-kona2', headers: { ...ADMIN, 'content-type': 'application/fhir+json' }, payload: { resourceType: 'Organization', id: 'org-kona2', name: 'Kona Hale' } });
    assert.equal((await search(url)).entry.length, 2, 'a write is seen at once');
    const member = bearer('a');
    const memberHits = hits();
    assert.equal((await search('/sandbox/fhir/R4/Coverage', member)).entry.length, 1);
    await search('/sandbox/fhir/R4/Coverage', member);
    assert.equal(hits(), memberHits, 'a token\'s searches are never cached');
  });
});
