import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { isSearchable } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { PRODUCTION, SANDBOX, json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const byType = (cs: Loose, type: string): Loose => cs.rest[0].resource.find((r: Loose) => r.type === type);

forEachDialect('GET /metadata', (open) => {
  let t: TestApp;
  let readOnly: TestApp;
  before(async () => {
    t = await openTestApp(open);
    readOnly = await openTestApp(open, { ADMIN_TOKEN: '' });
  });
  after(async () => {
    await t?.app.close();
    await readOnly?.app.close();
  });

  it('describes the server instance', async () => {
    const res = await t.app.inject({ url: '/fhir/R4/metadata' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/fhir+json; charset=utf-8');
    const cs = json(res);
    assert.equal(cs.resourceType, 'CapabilityStatement');
    assert.equal(cs.status, 'active');
    assert.equal(cs.kind, 'instance');
    assert.equal(cs.fhirVersion, '4.0.1');
    assert.deepEqual(cs.format, ['json']);
    assert.equal(cs.implementation.url, PRODUCTION);
    const sandbox = json(await t.app.inject({ url: '/sandbox/fhir/R4/metadata' }));
    assert.equal(sandbox.implementation.url, SANDBOX);
  });

  it('names the IG server statements and guides', async () => {
    const cs = json(await t.app.inject({ url: '/fhir/R4/metadata' }));
    assert.ok(cs.instantiates.includes('http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net|1.1.0'), cs.instantiates.join());
    assert.ok(cs.instantiates.includes('http://hl7.org/fhir/us/davinci-drug-formulary/CapabilityStatement/usdf-server|2.0.1'));
    assert.ok(!cs.instantiates.some((u: string) => u.includes('us-core-client')), 'client statements are not instantiated');
    assert.ok(cs.implementationGuide.some((u: string) => u.startsWith('http://hl7.org/fhir/us/carin-bb/ImplementationGuide/')));
    assert.ok(!cs.implementationGuide.includes('http://hl7.org/fhir'), 'the core spec is not an IG');
  });

  it('lists interactions, profiles and include paths per type', async () => {
    const cs = json(await t.app.inject({ url: '/fhir/R4/metadata' }));
    const codes = (r: Loose): string[] => r.interaction.map((i: Loose) => i.code);
    assert.deepEqual(cs.rest[0].interaction.map((i: Loose) => i.code).sort(), ['batch', 'history-system', 'transaction']);
    const prac = byType(cs, 'Practitioner');
    for (const code of ['read', 'vread', 'search-type', 'history-instance', 'history-type', 'create', 'update', 'delete']) assert.ok(codes(prac).includes(code), code);
    assert.equal(prac.versioning, 'versioned');
    assert.equal(prac.readHistory, true);
    assert.equal(prac.updateCreate, true);
    assert.equal(prac.conditionalUpdate, true);
    assert.ok(prac.supportedProfile.some((p: string) => p.startsWith('http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner')));
    assert.ok(prac.searchRevInclude.includes('PractitionerRole:practitioner'));
    const role = byType(cs, 'PractitionerRole');
    assert.ok(role.searchInclude.includes('PractitionerRole:practitioner'));
    assert.ok(role.searchInclude.includes('*'));
  });

  it('lists exactly the searchable parameters, plus the result parameters', async () => {
    const cs = json(await t.app.inject({ url: '/fhir/R4/metadata' }));
    const results = new Set(['_count', '_sort', '_include', '_revinclude', '_summary', '_elements', '_total']);
    for (const type of ['Practitioner', 'Observation', 'InsurancePlan', 'ExplanationOfBenefit']) {
      const listed = byType(cs, type).searchParam.map((p: Loose) => p.name).filter((n: string) => !results.has(n)).sort();
      const expected = [...t.registry.searchParams(type).values()].filter(isSearchable).map((p) => p.code).sort();
      assert.deepEqual(listed, expected, type);
      assert.ok(listed.includes('_id') && listed.includes('_lastUpdated'), type);
    }
    const obs = byType(cs, 'Observation').searchParam;
    assert.ok(!obs.some((p: Loose) => p.type === 'composite'), 'composite parameters are not offered');
    const network = byType(cs, 'PractitionerRole').searchParam.find((p: Loose) => p.name === 'network');
    assert.equal(network?.type, 'reference', 'Plan-Net parameters are listed');
    assert.match(network.definition, /^http:\/\/hl7\.org\/fhir\/us\/davinci-pdex-plan-net\/SearchParameter\//);
  });

  it('offers no writes when no admin token is configured', async () => {
    const cs = json(await readOnly.app.inject({ url: '/fhir/R4/metadata' }));
    const prac = byType(cs, 'Practitioner');
    assert.ok(!prac.interaction.some((i: Loose) => i.code === 'create'));
    assert.ok(!cs.rest[0].interaction.some((i: Loose) => i.code === 'transaction'));
  });
});
