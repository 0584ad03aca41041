import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createIndexer, patientCompartment } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp, type TestApp } from '../test-app.js';
import { exampleResources, isEmpty, sandboxResources, seedSandbox } from './seed-sandbox.js';

forEachDialect('sandbox seeding', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open); });
  after(() => t?.app.close());

  it('loads the synthetic directory and the IG examples into the sandbox only', async () => {
    assert.equal(await isEmpty(t.store, 'sandbox'), true);
    const n = await seedSandbox(t.store, t.registry, 'sandbox');
    assert.equal(n, sandboxResources(t.registry).length);
    assert.ok(n > exampleResources(t.registry).length + 3000, `only ${n} resources`);
    assert.equal(await isEmpty(t.store, 'sandbox'), false);
    assert.equal(await isEmpty(t.store, 'production'), true);
    assert.equal((await t.app.inject({ url: '/sandbox/fhir/R4/Practitioner/pr-000001' })).statusCode, 200, 'a synthetic practitioner is served');
    const res = await t.app.inject({ url: '/sandbox/fhir/R4/Practitioner/JoeSmith' });
    assert.equal(res.statusCode, 200, 'the Plan-Net example practitioner is served');
    assert.equal(json(res).resourceType, 'Practitioner');
    const formularies = json(await t.app.inject({ url: '/sandbox/fhir/R4/InsurancePlan?_summary=count' }));
    assert.ok(formularies.total > 0, 'the formulary examples are searchable');
  });

  it('keeps one resource per type and id', () => {
    const keys = sandboxResources(t.registry).map((r) => `${String(r.resourceType)}/${String(r.id)}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('holds no patient-specific Basic: Basic is public for the formulary items, though a Patient compartment type', () => {
    // Why Basic may stay public (decisions 0013, 0019): every Basic served is a formulary item
    // about a drug. A data set that puts a Basic in a patient's compartment must fail here first.
    const compartmentParams = patientCompartment(t.registry).params('Basic') ?? [];
    assert.ok(compartmentParams.includes('patient'), 'Basic is a Patient compartment type');
    const indexer = createIndexer(t.registry, t.registry.resourceTypes());
    const basics = sandboxResources(t.registry).filter((r) => r.resourceType === 'Basic');
    assert.ok(basics.length > 0);
    const personal = basics.filter((r) => indexer.extract(r).some((row) => row.kind === 'reference' && compartmentParams.includes(row.param) && row.targetType === 'Patient'));
    assert.deepEqual(personal.map((r) => r.id), []);
    assert.ok(basics.every((r) => JSON.stringify(r).includes('formulary-item')), 'every Basic is a formulary item');
  });
});
