import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRegistry } from '../testing.js';
import { compileProfile } from './compile-profile.js';
import { createCompiler } from './compiler.js';
import { definitionSource } from './definition-source.js';

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition';

describe('compileProfile', async () => {
  const registry = await testRegistry();
  const role = compileProfile(registry.resolveCanonical(`${PLAN_NET}/plannet-PractitionerRole|1.1.0`)!)!;
  const child = (name: string) => role.root.structure()!.children.find((c) => c.key === name && c.sliceName === undefined)!;

  it('keeps the profile identity and its element rules', () => {
    assert.equal(role.type, 'PractitionerRole');
    assert.equal(role.canonical, `${PLAN_NET}/plannet-PractitionerRole|1.1.0`);
    const active = child('active');
    assert.deepEqual([active.min, active.max, active.isArray, active.mustSupport], [1, 1, false, true]);
    assert.deepEqual(active.fixed, { kind: 'pattern', name: 'patternBoolean', value: true });
    assert.equal(child('specialty').requiredValueSet, 'http://hl7.org/fhir/us/davinci-pdex-plan-net/ValueSet/IndividualAndGroupSpecialtiesVS');
    assert.equal(child('identifier').isArray, true);
    assert.equal(child('id').types[0]?.code, 'id', 'a resource id is an id, not a plain string');
  });

  it('indexes every JSON key, primitive twins and disallowed choice types included', () => {
    const keys = role.root.structure()!.keys;
    assert.ok(keys.get('active')?.type && keys.get('_active')?.primitiveExtension);
    assert.equal(keys.get('_practitioner'), undefined, 'complex elements have no `_` twin');
    const ext = role.byId('PractitionerRole.extension:qualification.extension:whereValid')!;
    const value = ext.structure()!.keys;
    assert.equal(value.get('valueCodeableConcept')?.type?.code, 'CodeableConcept');
    assert.equal(value.get('valueReference')?.type?.code, 'Reference');
    assert.equal(value.get('valueString')?.type, undefined, 'a type of the open list the profile does not allow');
  });

  it('compiles slicing with its slices, in snapshot order', () => {
    const slicing = child('extension').slicing!;
    assert.deepEqual(slicing.discriminators, [{ type: 'value', path: 'url' }]);
    assert.deepEqual(slicing.slices.map((s) => s.sliceName), ['newpatients', 'network-reference', 'qualification']);
    assert.deepEqual(slicing.slices[0]!.types[0]!.profiles, [`${PLAN_NET}/newpatients`]);
  });

  it('resolves a contentReference to the element it names (CARIN EOB detail adjudication)', () => {
    const compiler = createCompiler(registry, definitionSource(registry));
    const eob = compiler.profile('http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy|2.0.0')!;
    const detailAdjudication = eob.byId('ExplanationOfBenefit.item.detail.adjudication')!;
    assert.ok(detailAdjudication.contentReference);
    const target = compiler.contentReference(detailAdjudication)!;
    assert.equal(target.path, 'ExplanationOfBenefit.item.adjudication');
    assert.ok(target.structure()!.keys.has('category'));
  });
});
