import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp, type TestApp } from '../test-app.js';
import { exampleResources, isEmpty, seedExamples } from './seed-examples.js';

forEachDialect('sandbox seeding', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open); });
  after(() => t?.app.close());

  it('loads the IG examples into the sandbox only', async () => {
    assert.equal(await isEmpty(t.store, 'sandbox'), true);
    const n = await seedExamples(t.store, t.registry, 'sandbox');
    assert.equal(n, exampleResources(t.registry).length);
    assert.ok(n > 100, `only ${n} examples`);
    assert.equal(await isEmpty(t.store, 'sandbox'), false);
    assert.equal(await isEmpty(t.store, 'production'), true);
    const res = await t.app.inject({ url: '/sandbox/fhir/R4/Practitioner/JoeSmith' });
    assert.equal(res.statusCode, 200, 'the Plan-Net example practitioner is served');
    assert.equal(json(res).resourceType, 'Practitioner');
    const formularies = json(await t.app.inject({ url: '/sandbox/fhir/R4/InsurancePlan?_summary=count' }));
    assert.ok(formularies.total > 0, 'the formulary examples are searchable');
  });

  it('keeps one example per type and id', () => {
    const keys = exampleResources(t.registry).map((r) => `${String(r.resourceType)}/${String(r.id)}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});
