import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, PUBLIC_URL, created, json, openTestApp, write, type Loose, type TestApp } from '../test-app.js';

const nextUrl = (bundle: Loose): string | undefined => bundle.link.find((l: Loose) => l.relation === 'next')?.url;

forEachDialect('history', (open) => {
  let t: TestApp;
  let id: string;
  before(async () => {
    t = await openTestApp(open);
    const p = await created(t.app, { resourceType: 'Patient', gender: 'female' });
    id = p.id;
    await write(t.app, 'PUT', `/fhir/R4/Patient/${id}`, { resourceType: 'Patient', id, gender: 'male' });
    await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${id}`, headers: ADMIN });
    await created(t.app, { resourceType: 'Organization', name: 'History Org' });
  });
  after(() => t?.app.close());

  it('lists every version of a resource with request and response', async () => {
    const res = await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${id}/_history` });
    assert.equal(res.statusCode, 200);
    const bundle = json(res);
    assert.equal(bundle.type, 'history');
    assert.equal(bundle.entry.length, 3);
    const byVersion = new Map(bundle.entry.map((e: Loose) => [e.response.etag, e]));
    const v1 = byVersion.get('W/"1"') as Loose;
    const v3 = byVersion.get('W/"3"') as Loose;
    assert.equal(v1.request.method, 'POST');
    assert.equal(v1.resource.gender, 'female');
    assert.equal((byVersion.get('W/"2"') as Loose).request.method, 'PUT');
    assert.equal(v3.request.method, 'DELETE');
    assert.equal(v3.resource, undefined, 'a deletion has no resource');
    assert.equal(v1.fullUrl, `${PUBLIC_URL}/fhir/R4/Patient/${id}`);
  });

  it('pages with _count and an absolute next link carrying the store cursor', async () => {
    const first = json(await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${id}/_history?_count=2` }));
    assert.equal(first.entry.length, 2);
    const next = nextUrl(first);
    assert.ok(next?.startsWith(`${PUBLIC_URL}/fhir/R4/Patient/${id}/_history?`), next);
    assert.match(next!, /_count=2/);
    assert.match(next!, /_cursor=/);
    const second = json(await t.app.inject({ headers: ADMIN, url: next!.slice(PUBLIC_URL.length) }));
    assert.equal(second.entry.length, 1);
    assert.equal(nextUrl(second), undefined);
    const seen = [...first.entry, ...second.entry].map((e: Loose) => e.response.etag).sort();
    assert.deepEqual(seen, ['W/"1"', 'W/"2"', 'W/"3"']);
  });

  it('covers the type and the whole system', async () => {
    const type = json(await t.app.inject({ headers: ADMIN, url: '/fhir/R4/Patient/_history' }));
    assert.ok(type.entry.every((e: Loose) => e.fullUrl.includes('/Patient/')));
    assert.equal(type.entry.length, 3);
    const system = json(await t.app.inject({ headers: ADMIN, url: '/fhir/R4/_history' }));
    assert.equal(system.entry.length, 4);
  });

  it('honours _since and rejects a malformed one', async () => {
    const future = json(await t.app.inject({ headers: ADMIN, url: '/fhir/R4/_history?_since=2999-01-01T00:00:00Z' }));
    assert.equal(future.entry, undefined);
    const past = json(await t.app.inject({ headers: ADMIN, url: '/fhir/R4/_history?_since=2000-01-01T00:00:00Z' }));
    assert.equal(past.entry.length, 4);
    assert.equal((await t.app.inject({ headers: ADMIN, url: '/fhir/R4/_history?_since=yesterday' })).statusCode, 400);
    assert.equal((await t.app.inject({ headers: ADMIN, url: '/fhir/R4/_history?_count=-1' })).statusCode, 400);
  });

  it('answers 404 for a resource that never existed, and keeps environments apart', async () => {
    assert.equal((await t.app.inject({ headers: ADMIN, url: '/fhir/R4/Patient/never/_history' })).statusCode, 404);
    const sandbox = json(await t.app.inject({ headers: ADMIN, url: '/sandbox/fhir/R4/_history' }));
    assert.equal(sandbox.entry, undefined);
  });
});
