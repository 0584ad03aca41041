/** Deliberately broken variants of IG examples: each is flagged, at the expected location. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Json } from './json-value.js';
import { example, testValidator } from './test-validator.js';

type Any = Json & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is edited freely

/** Validates `resource` and returns its errors as `location | message` lines (the unbroken example must have none). */
async function errorsOf(resource: Json): Promise<string[]> {
  const report = (await testValidator()).validate(resource);
  return report.errors.map((e) => `${e.location} | ${e.message}`);
}

async function broken(type: string, id: string, breakIt: (r: Any) => void): Promise<string[]> {
  const resource = (await example(type, id)) as Any;
  assert.deepEqual(await errorsOf(resource), [], `${type}/${id} is valid before it is broken`);
  breakIt(resource);
  return errorsOf(resource);
}

function assertOne(errors: string[], location: string, message: RegExp): void {
  assert.equal(errors.length, 1, errors.join('\n'));
  const [where, what] = errors[0]!.split(' | ');
  assert.equal(where, location);
  assert.match(what!, message);
}

const extensionIndex = (r: Any, suffix: string): number => (r.extension as Any[]).findIndex((e) => String(e.url).endsWith(suffix));

describe('broken variants', () => {
  it('missing required element (PractitionerRole.active, 1..1)', async () => {
    assertOne(await broken('PractitionerRole', 'HansSoloRole1', (r) => delete r.active), 'PractitionerRole.active', /Missing required element PractitionerRole.active \(min 1\)/);
  });

  it('max cardinality exceeded (Practitioner.identifier:NPI, 0..1 in Plan-Net 1.1.0)', async () => {
    const secondNpi = (r: Any) => (r.identifier as Any[]).push({ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' });
    const errors = await broken('Practitioner', 'HansSolo', (r) => {
      secondNpi(r);
      r.meta.profile = [`${String(r.meta.profile[0])}|1.1.0`];
    });
    assertOne(errors, 'Practitioner.identifier:NPI', /allows at most 1 value\(s\), found 2/);
    // A profile named without a version is the newest loaded one: Plan-Net 1.2.0 allows several NPIs.
    assert.deepEqual(await broken('Practitioner', 'HansSolo', secondNpi), []);
  });

  it('max cardinality exceeded on a base element given as an array (PractitionerRole.practitioner)', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => (r.practitioner = [r.practitioner]));
    assertOne(errors, 'PractitionerRole.practitioner', /does not repeat, so it must not be a JSON array/);
  });

  it('wrong pattern value (PractitionerRole.active patternBoolean true)', async () => {
    assertOne(await broken('PractitionerRole', 'HansSoloRole1', (r) => (r.active = false)), 'PractitionerRole.active', /must match the pattern true/);
  });

  it('wrong pattern on a repeating element (Formulary InsurancePlan.type: some must be DRUGPOL)', async () => {
    const errors = await broken('InsurancePlan', 'FormularyD1002', (r) => ((r.type as Any[])[0]!.coding[0].code = 'MEDPOL'));
    assertOne(errors, 'InsurancePlan.type', /No InsurancePlan.type matches the pattern/);
  });

  it('wrong fixed value (Extension.url of a Plan-Net complex extension part)', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => {
      const qualification = (r.extension as Any[])[extensionIndex(r, '/qualification')]!;
      (qualification.extension as Any[]).find((e) => e.url === 'status')!.valueCode = 'inactive';
    });
    assert.ok(errors.some((e) => /^PractitionerRole\.extension\[\d\]\.extension\[\d\]\.valueCode \| .*must be exactly "active" \(fixedCode\)/.test(e)), errors.join('\n'));
  });

  it('code outside a required enumerable value set (ContactPoint.system)', async () => {
    const errors = await broken('Location', 'HospLoc1', (r) => ((r.telecom as Any[])[0]!.system = 'pager2'));
    assertOne(errors, 'Location.telecom[0].system', /"pager2" is not in the required value set http:\/\/hl7.org\/fhir\/ValueSet\/contact-point-system/);
  });

  it('CodeableConcept outside a required IG value set (PractitionerRole.specialty, NUCC codes listed by Plan-Net)', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => ((r.specialty as Any[])[0]!.coding[0].code = '999999999X'));
    assertOne(errors, 'PractitionerRole.specialty[0]', /"http:\/\/nucc.org\/provider-taxonomy\|999999999X" is not in the required value set .*IndividualAndGroupSpecialtiesVS/);
  });

  it('reference to a wrong target type (PractitionerRole.practitioner → Organization)', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => (r.practitioner = { reference: 'Organization/Acme' }));
    assertOne(errors, 'PractitionerRole.practitioner.reference', /Points to a Organization; PractitionerRole.practitioner may point to Practitioner/);
  });

  it('wrong primitive format (meta.lastUpdated, an instant)', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => ((r.meta as Any).lastUpdated = '2020-07-07'));
    assertOne(errors, 'PractitionerRole.meta.lastUpdated', /"2020-07-07" is not an instant/);
  });

  it('wrong JSON type for a primitive (Location.position.latitude as a string)', async () => {
    const errors = await broken('Location', 'HospLoc1', (r) => ((r.position as Any).latitude = '41.8'));
    assertOne(errors, 'Location.position.latitude', /must be a JSON number, not the string "41.8"/);
  });

  it('unknown element, at the top level and inside a datatype', async () => {
    assertOne(await broken('Organization', 'Acme', (r) => (r.colour = 'blue')), 'Organization.colour', /Unknown element "colour"/);
    assertOne(await broken('Practitioner', 'HansSolo', (r) => ((r.identifier as Any[])[0]!.sytem = 'x')), 'Practitioner.identifier[0].sytem', /Unknown element "sytem"/);
  });

  it('missing required extension slice (Formulary item without its drug tier)', async () => {
    const errors = await broken('Basic', 'FormularyItem-D1002-1000091', (r) => (r.extension as Any[]).splice(extensionIndex(r, 'usdf-DrugTierID-extension'), 1));
    assertOne(errors, 'Basic.extension:usdf-DrugTierID-extension', /Slice usdf-DrugTierID-extension of Basic.extension needs at least 1 value\(s\), found 0/);
  });

  it('missing required part of a complex extension (newpatients without acceptingPatients)', async () => {
    const errors = await broken('Location', 'HansSoloClinic', (r) => {
      const i = extensionIndex(r, '/newpatients');
      const parts = (r.extension as Any[])[i]!.extension as Any[];
      parts.splice(parts.findIndex((e) => e.url === 'acceptingPatients'), 1);
    });
    assert.ok(errors.some((e) => /^Location\.extension\[\d\]\.extension:acceptingPatients \| Slice acceptingPatients .* needs at least 1/.test(e)), errors.join('\n'));
  });

  it('wrong extension value type (network-reference with a string instead of a Reference)', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => {
      const ext = (r.extension as Any[])[extensionIndex(r, '/network-reference')]!;
      delete ext.valueReference;
      ext.valueString = 'Acme network';
    });
    const i = extensionIndex((await example('PractitionerRole', 'HansSoloRole1')) as Any, '/network-reference');
    assert.ok(errors.includes(`PractitionerRole.extension[${i}].valueString | "valueString": this type is not allowed for Extension.value[x] (allowed: Reference)`), errors.join('\n'));
    assert.ok(errors.includes(`PractitionerRole.extension[${i}].value[x] | Missing required element Extension.value[x] (min 1)`), errors.join('\n'));
  });

  it('reference to a contained resource that is not there', async () => {
    const errors = await broken('PractitionerRole', 'HansSoloRole1', (r) => ((r.location as Any[])[0] = { reference: '#nowhere' }));
    assertOne(errors, 'PractitionerRole.location[0].reference', /no contained resource has id "nowhere"/);
  });
});
