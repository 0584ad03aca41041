import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { PUBLIC_URL, created, json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const link = (bundle: Loose, relation: string): string | undefined => bundle.link.find((l: Loose) => l.relation === relation)?.url;

forEachDialect('search', (open) => {
  let t: TestApp;
  let pracId: string;
  before(async () => {
    t = await openTestApp(open);
    for (const given of ['Ann', 'Bob', 'Cy']) await created(t.app, { resourceType: 'Practitioner', name: [{ family: 'Searchable', given: [given] }] });
    const prac = await created(t.app, { resourceType: 'Practitioner', name: [{ family: 'Included' }] });
    pracId = prac.id;
    await created(t.app, { resourceType: 'PractitionerRole', practitioner: { reference: `Practitioner/${pracId}` }, active: true });
  });
  after(() => t?.app.close());

  it('returns a searchset with total, fullUrls, match mode and an absolute self link', async () => {
    const res = await t.app.inject({ url: '/fhir/R4/Practitioner?family=searchable&_total=accurate' });
    assert.equal(res.statusCode, 200);
    const bundle = json(res);
    assert.equal(bundle.type, 'searchset');
    assert.equal(bundle.total, 3);
    assert.equal(bundle.entry.length, 3);
    assert.equal(link(bundle, 'self'), `${PUBLIC_URL}/fhir/R4/Practitioner?family=searchable&_total=accurate`);
    const noTotal = json(await t.app.inject({ url: '/fhir/R4/Practitioner?family=searchable&_total=none' }));
    assert.equal('total' in noTotal, false, 'no total unless the store counted');
    for (const e of bundle.entry) {
      assert.equal(e.search.mode, 'match');
      assert.equal(e.fullUrl, `${PUBLIC_URL}/fhir/R4/Practitioner/${e.resource.id}`);
    }
  });

  it('pages through next links that keep the parameters and add _cursor', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/fhir/R4/Practitioner?family=searchable&_count=1';
    let pages = 0;
    while (url !== undefined && pages < 10) {
      const bundle = json(await t.app.inject({ url }));
      seen.push(...(bundle.entry ?? []).map((e: Loose) => e.resource.id));
      const next = link(bundle, 'next');
      if (next !== undefined) {
        assert.match(next, /^http:\/\/payer\.test\/fhir\/R4\/Practitioner\?family=searchable&_count=1&_cursor=/);
        if (pages > 0) assert.ok(link(bundle, 'previous'), 'later pages link back');
      }
      url = next?.slice(PUBLIC_URL.length);
      pages++;
    }
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen).size, 3);
  });

  it('POST _search merges form parameters with query parameters', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/fhir/R4/Practitioner/_search?family=searchable',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'given=bob',
    });
    assert.equal(res.statusCode, 200);
    const bundle = json(res);
    assert.equal(bundle.entry.length, 1);
    assert.equal(bundle.entry[0].resource.name[0].given[0], 'Bob');
    assert.equal(link(bundle, 'self'), `${PUBLIC_URL}/fhir/R4/Practitioner?family=searchable&given=bob`);
  });

  it('_summary=count gives the total only', async () => {
    const bundle = json(await t.app.inject({ url: '/fhir/R4/Practitioner?family=searchable&_summary=count' }));
    assert.equal(bundle.total, 3);
    assert.equal(bundle.entry, undefined);
  });

  it('_elements subsets every entry', async () => {
    const bundle = json(await t.app.inject({ url: '/fhir/R4/Practitioner?family=searchable&_elements=active' }));
    for (const e of bundle.entry) {
      assert.equal(e.resource.name, undefined);
      assert.ok(e.resource.meta.tag.some((tag: Loose) => tag.code === 'SUBSETTED'));
    }
  });

  it('_include adds referenced resources in include mode', async () => {
    const bundle = json(await t.app.inject({ url: '/fhir/R4/PractitionerRole?_include=PractitionerRole:practitioner' }));
    const modes = bundle.entry.map((e: Loose) => `${e.search.mode}:${e.resource.resourceType}`).sort();
    assert.deepEqual(modes, ['include:Practitioner', 'match:PractitionerRole']);
    assert.equal(bundle.entry.find((e: Loose) => e.search.mode === 'include').resource.id, pracId);
  });

  it('unknown parameters: 400 by default, an outcome entry under Prefer: handling=lenient', async () => {
    const strict = await t.app.inject({ url: '/fhir/R4/Practitioner?nonsense=1' });
    assert.equal(strict.statusCode, 400);
    assert.equal(json(strict).resourceType, 'OperationOutcome');
    const lenient = json(await t.app.inject({ url: '/fhir/R4/Practitioner?family=searchable&nonsense=1', headers: { prefer: 'handling=lenient' } }));
    const outcomes = lenient.entry.filter((e: Loose) => e.search.mode === 'outcome');
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0].resource.resourceType, 'OperationOutcome');
    assert.match(outcomes[0].resource.issue[0].diagnostics, /nonsense/);
    assert.equal(lenient.entry.filter((e: Loose) => e.search.mode === 'match').length, 3);
  });
});
