/**
 * docs/provider-directory.md and the README stay true: every `GET` line of the guide and every
 * sandbox `curl` of the README is run against the sandbox as `npm start` seeds it and must find
 * something; the four member questions are also checked for
 * what they return, not only that they return.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { greatCircleKm } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import type { Loose } from '../test-app.js';
import { docRequests, entriesOf, readmeSandboxReads, seededSandbox } from './test-doc-queries.js';

const requests = docRequests('docs/provider-directory.md');
// The README's paste-able reads of the sandbox, too.
const readmeReads = readmeSandboxReads();
const NEWPATIENTS = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients';
const NETWORK_REFERENCE = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference';

const matches = (bundle: Loose): Loose[] => entriesOf(bundle, 'match');
const included = (bundle: Loose, type: string): Map<string, Loose> =>
  new Map(entriesOf(bundle, 'include').filter((r) => r.resourceType === type).map((r) => [`${type}/${r.id}`, r]));

forEachDialect('docs/provider-directory.md', (open) => {
  const { get } = seededSandbox(open);

  it('has the questions to run', () => {
    assert.ok(requests.length >= 10, `${requests.length} requests`);
    assert.ok(readmeReads.length >= 5, `${readmeReads.length} README requests`);
  });

  for (const path of readmeReads) {
    it(`README: ${path}`, async () => {
      const body = await get(path);
      if (body.resourceType === 'Bundle') assert.ok(matches(body).length > 0, 'finds something');
    });
  }

  for (const path of requests) {
    it(`finds something: ${path}`, async () => {
      assert.ok(matches(await get(path)).length > 0);
    });
  }

  it('family-medicine doctors in network X in Hilo accepting new patients: only those', async () => {
    const bundle = await get(requests[0]!);
    const locations = included(bundle, 'Location');
    for (const role of matches(bundle)) {
      assert.ok(role.specialty.some((s: Loose) => s.coding.some((c: Loose) => c.code === '207Q00000X')), role.id);
      assert.ok(role.extension.some((e: Loose) => e.url === NETWORK_REFERENCE && e.valueReference.reference === 'Organization/net-kokua-hmo'), role.id);
      const np = role.extension.find((e: Loose) => e.url === NEWPATIENTS);
      assert.equal(np.extension.find((x: Loose) => x.url === 'acceptingPatients').valueCodeableConcept.coding[0].code, 'newpt', role.id);
      assert.ok(role.location.some((l: Loose) => locations.get(l.reference)?.address?.city === 'Hilo'), `${role.id} is not in Hilo`);
    }
    const all = await get('/sandbox/fhir/R4/PractitionerRole?specialty=http://nucc.org/provider-taxonomy|207Q00000X&location.address-city=Hilo&_total=accurate');
    assert.ok(all.total > matches(bundle).length, 'the network and new-patient filters narrow the answer');
  });

  it('pharmacies within 5 km open on Sunday: only those', async () => {
    const found = matches(await get(requests[1]!));
    for (const location of found) {
      assert.ok(greatCircleKm(21.3069, -157.8583, location.position.latitude, location.position.longitude) <= 5, location.id);
      assert.ok(location.hoursOfOperation.some((h: Loose) => h.daysOfWeek.includes('sun')), location.id);
    }
    const nearby = matches(await get('/sandbox/fhir/R4/Location?near=21.3069|-157.8583|5|km&type=OUTPHARM'));
    assert.ok(nearby.length > found.length, 'some nearby pharmacies are closed on Sunday');
  });

  it('the networks a practitioner belongs to: the same by id and by NPI', async () => {
    const byId = matches(await get(requests[3]!)).map((o) => o.id).sort();
    const byNpi = matches(await get(requests[4]!)).map((o) => o.id).sort();
    assert.deepEqual(byId, byNpi);
    const roles = matches(await get('/sandbox/fhir/R4/PractitionerRole?practitioner=pr-000001&_count=100'));
    const networks = new Set(roles.flatMap((r) => (r.extension ?? []).filter((e: Loose) => e.url === NETWORK_REFERENCE).map((e: Loose) => e.valueReference.reference.split('/')[1])));
    assert.deepEqual(byId, [...networks].sort());
  });

  it('which plans cover a county: exactly those listing it', async () => {
    const plans = matches(await get('/sandbox/fhir/R4/InsurancePlan?_count=100'));
    const expected = plans.filter((p) => p.coverageArea?.some((a: Loose) => a.reference === 'Location/area-county-kalawao')).map((p) => p.id).sort();
    assert.deepEqual(matches(await get(requests[5]!)).map((p) => p.id).sort(), expected);
    assert.ok(expected.length > 0 && expected.length < plans.length);
  });
});
