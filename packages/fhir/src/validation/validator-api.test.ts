/** createValidator: profile selection, bad input, nested resources, must-support, unchecked terminology, compile-once. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Registry } from '../definitions/types.js';
import { testRegistry } from '../testing.js';
import { example, testValidator } from './test-validator.js';
import { createValidator } from './validator.js';

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition';

describe('createValidator', () => {
  it('warns about an unknown profile and falls back to the base definition', async () => {
    const report = (await testValidator()).validate({ resourceType: 'Patient', meta: { profile: ['http://example.org/nope'] }, birthDate: '1970-13' });
    assert.deepEqual(report.warnings.map((w) => w.message), ['Profile http://example.org/nope is not in the loaded packages; not checked against it']);
    assert.deepEqual(report.profiles, ['http://hl7.org/fhir/StructureDefinition/Patient|4.0.1']);
    assert.deepEqual(report.errors.map((e) => e.location), ['Patient.birthDate'], 'the base rules still apply');
  });

  it('takes options.profiles over meta.profile, and rejects a profile of another type', async () => {
    const validator = await testValidator();
    const role = await example('PractitionerRole', 'HansSoloRole1');
    delete role.active;
    assert.deepEqual(validator.validate(role, { profiles: [] }).errors, [], 'the base definition does not require active');
    assert.equal(validator.validate(role).errors.length, 1, 'Plan-Net does');
    const wrong = validator.validate(role, { profiles: [`${PLAN_NET}/plannet-Location`] });
    assert.match(wrong.errors[0]?.message ?? '', /constrains Location, not PractitionerRole/);
  });

  it('never throws on input that is not a resource', async () => {
    const validator = await testValidator();
    for (const input of [null, 42, 'Patient', [], {}, { resourceType: 7 }]) {
      const report = validator.validate(input);
      assert.equal(report.valid, false);
      assert.match(report.errors[0]!.message, /Not a FHIR resource/);
    }
    assert.match(validator.validate({ resourceType: 'Widget' }).errors[0]!.message, /Unknown resource type "Widget"/);
  });

  it('checks contained resources and Bundle entries against their own type', async () => {
    const validator = await testValidator();
    const role = await example('PractitionerRole', 'HansSoloRole1');
    role.contained = [{ resourceType: 'Location', id: 'l1', status: 'open' }];
    role.location = [{ reference: '#l1' }];
    assert.deepEqual(validator.validate(role).errors.map((e) => `${e.location} ${e.code}`), ['PractitionerRole.contained[0].status code-invalid']);
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', gender: 'f' } }] };
    assert.deepEqual(validator.validate(bundle).errors.map((e) => e.location), ['Bundle.entry[0].resource.gender']);
  });

  it('lists absent must-support elements, top level, slices and one level down', async () => {
    const report = (await testValidator()).validate(await example('PractitionerRole', 'HansSoloRole1'));
    for (const path of ['PractitionerRole.telecom', 'PractitionerRole.endpoint', 'PractitionerRole.extension:newpatients']) {
      assert.ok(report.mustSupportMissing.includes(path), `${path} in ${report.mustSupportMissing.join(', ')}`);
    }
    assert.ok(report.mustSupportMissing.some((p) => /^PractitionerRole\.extension\[\d\]\.extension:period$/.test(p)), 'a part of the qualification extension');
    for (const present of ['PractitionerRole.code', 'PractitionerRole.specialty', 'PractitionerRole.practitioner']) {
      assert.equal(report.mustSupportMissing.includes(present), false, present);
    }
  });

  it('counts coded values it cannot decide offline instead of failing them (RxNorm)', async () => {
    const report = (await testValidator()).validate(await example('MedicationKnowledge', 'FormularyDrug-1000091'));
    assert.deepEqual(report.errors, []);
    assert.ok(report.terminologyNotChecked.count > 0);
    assert.ok(report.terminologyNotChecked.valueSets.includes('http://hl7.org/fhir/us/davinci-drug-formulary/ValueSet/SemanticDrugVS'), report.terminologyNotChecked.valueSets.join());
  });

  it('compiles each profile once: a second validation reads no definitions', async () => {
    const registry = await testRegistry();
    let lookups = 0;
    const counting = new Proxy(registry, {
      get(target, name, receiver) {
        if (name === 'resolveCanonical') return (url: string) => (lookups++, target.resolveCanonical(url));
        return Reflect.get(target, name, receiver) as unknown;
      },
    }) as Registry;
    const validator = createValidator(counting);
    const roles = [await example('PractitionerRole', 'HansSoloRole1'), await example('PractitionerRole', 'JoeSmithRole1')];
    for (const role of roles) validator.validate(role);
    assert.ok(lookups > 0);
    const after = lookups;
    for (const role of roles) validator.validate(role);
    assert.equal(lookups, after);
  });

  it('reports JSON shape errors: empty objects and arrays, two types of one choice element', async () => {
    const validator = await testValidator();
    const report = validator.validate({ resourceType: 'Patient', name: [], maritalStatus: {}, deceasedBoolean: true, deceasedDateTime: '2020' });
    assert.deepEqual(report.errors.map((e) => e.location).sort(), ['Patient.deceasedDateTime', 'Patient.maritalStatus', 'Patient.name']);
  });
});
