import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { medplumR4File, readBaseResourceTypes, type BaseResourceTypes } from './base-definitions.js';
import { elementForJsonName } from './element-for-json-name.js';
import { buildResourceTypeInfo } from './resource-type-info.js';
import type { ResourceTypeInfo } from './types.js';

let base: BaseResourceTypes;
const info = (type: string): ResourceTypeInfo => {
  const found = base.infos.get(type);
  assert.ok(found, `${type} should be a base resource type`);
  return found;
};

before(async () => {
  base = await readBaseResourceTypes(medplumR4File('profiles-resources.json'));
});

describe('base resource types', () => {
  it('lists the 146 concrete R4 types, without abstract ones or the R4B SubscriptionStatus', () => {
    assert.equal(base.infos.size, 146);
    for (const type of ['Patient', 'PractitionerRole', 'InsurancePlan', 'Bundle', 'Parameters', 'ExplanationOfBenefit']) info(type);
    for (const type of ['Resource', 'DomainResource', 'SubscriptionStatus']) assert.equal(base.infos.has(type), false, type);
  });

  it('knows which types are DomainResources', () => {
    assert.ok(base.domainTypes.includes('Patient'));
    for (const type of ['Bundle', 'Binary', 'Parameters']) assert.equal(base.domainTypes.includes(type), false, type);
  });

  it('records cardinality, summary flag and types of top-level elements', () => {
    const patient = info('Patient');
    assert.deepEqual(patient.elements.get('name'), { path: 'name', min: 0, max: '*', isSummary: true, types: ['HumanName'] });
    assert.equal(patient.elements.get('contact')?.isSummary, false);
    assert.equal(patient.elements.has('name.given'), false, 'only top-level elements');
    assert.deepEqual(info('Observation').elements.get('status'), { path: 'status', min: 1, max: '1', isSummary: true, types: ['code'] });
    // id uses a FHIRPath system type in the snapshot; the fhir-type extension gives the FHIR type.
    assert.deepEqual(patient.elements.get('id')?.types, ['string']);
  });
});

describe('_summary elements', () => {
  it('keeps isSummary elements plus id, meta and implicitRules', () => {
    const patient = info('Patient');
    for (const name of ['id', 'meta', 'implicitRules', 'identifier', 'name', 'gender', 'birthDate', 'deceased[x]']) {
      assert.ok(patient.summaryElements.has(name), name);
    }
    for (const name of ['contact', 'text', 'photo', 'communication', 'extension']) assert.equal(patient.summaryElements.has(name), false, name);
  });

  it('keeps id, meta and implicitRules even where the definition does not flag them', () => {
    const element = (path: string, isSummary: boolean) => ({ path: `Thing.${path}`, min: 0, max: '1', isSummary, type: [{ code: 'string' }] });
    const thing = buildResourceTypeInfo({
      type: 'Thing',
      snapshot: { element: [{ path: 'Thing' }, element('id', false), element('meta', false), element('implicitRules', false), element('note', false)] },
    });
    assert.deepEqual([...thing.summaryElements].sort(), ['id', 'implicitRules', 'meta']);
  });

  it('lists mandatory elements', () => {
    assert.deepEqual([...info('Observation').mandatoryElements].sort(), ['code', 'status']);
    assert.deepEqual([...info('Patient').mandatoryElements], []);
  });
});

describe('elementForJsonName', () => {
  it('maps a choice property to its [x] element', () => {
    const observation = info('Observation');
    assert.equal(elementForJsonName(observation, 'valueQuantity')?.path, 'value[x]');
    assert.equal(elementForJsonName(observation, 'valueString')?.path, 'value[x]');
    assert.equal(elementForJsonName(observation, 'effectiveDateTime')?.path, 'effective[x]');
    assert.ok(observation.summaryElements.has(elementForJsonName(observation, 'valueQuantity')!.path));
  });

  it('rejects a type the choice does not allow, and unknown names', () => {
    const observation = info('Observation');
    assert.equal(elementForJsonName(observation, 'valueReference'), undefined);
    assert.equal(elementForJsonName(observation, 'valueFoo'), undefined);
    assert.equal(elementForJsonName(observation, 'resourceType'), undefined);
  });

  it('maps plain names, the [x] key and primitive _extensions', () => {
    const patient = info('Patient');
    assert.equal(elementForJsonName(patient, 'name')?.path, 'name');
    assert.equal(elementForJsonName(patient, 'deceased[x]')?.path, 'deceased[x]');
    assert.equal(elementForJsonName(patient, 'deceasedBoolean')?.path, 'deceased[x]');
    assert.equal(elementForJsonName(patient, '_birthDate')?.path, 'birthDate');
    assert.equal(patient.summaryElements.has(elementForJsonName(patient, 'contact')!.path), false);
  });
});
