import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expressionForType, splitUnion } from './split-expression.js';

describe('splitUnion', () => {
  it('splits only at top-level bars', () => {
    assert.deepEqual(splitUnion('Patient.name | Practitioner.name'), ['Patient.name', 'Practitioner.name']);
    assert.deepEqual(splitUnion("(A.x | A.y).where(url = 'a|b') | B.z"), ["(A.x | A.y).where(url = 'a|b')", 'B.z']);
    assert.deepEqual(splitUnion("Basic.extension.where(url='http://x.org/a\\'|b')"), ["Basic.extension.where(url='http://x.org/a\\'|b')"]);
  });
});

describe('expressionForType', () => {
  const shared = 'AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | Condition.subject.where(resolve() is Patient)';

  it("keeps only the type's own part of a multi-type expression", () => {
    assert.equal(expressionForType(shared, 'CarePlan'), 'CarePlan.subject.where(resolve() is Patient)');
    assert.equal(expressionForType(shared, 'AllergyIntolerance'), 'AllergyIntolerance.patient');
    assert.equal(expressionForType('Patient.name | Practitioner.name', 'Practitioner'), 'Practitioner.name');
  });

  it('returns undefined for a type the expression does not mention', () => {
    assert.equal(expressionForType(shared, 'Observation'), undefined);
  });

  it('keeps several parts of the same type joined as a union', () => {
    assert.equal(
      expressionForType('Condition.onset.as(dateTime) | Condition.onset.as(Period) | Observation.effective', 'Condition'),
      'Condition.onset.as(dateTime) | Condition.onset.as(Period)',
    );
  });

  it('recognises a type after opening parentheses', () => {
    const expr = '(Observation.value as Quantity) | (Observation.value as SampledData) | (Media.content)';
    assert.equal(expressionForType(expr, 'Observation'), '(Observation.value as Quantity) | (Observation.value as SampledData)');
  });

  it('rewrites Resource and DomainResource prefixes to the concrete type', () => {
    assert.equal(expressionForType('Resource.meta.lastUpdated', 'Practitioner'), 'Practitioner.meta.lastUpdated');
    assert.equal(expressionForType('(DomainResource.text)', 'Patient'), '(Patient.text)');
  });

  it('keeps parts without a type prefix for every type', () => {
    assert.equal(expressionForType('name | alias', 'InsurancePlan'), 'name | alias');
    assert.equal(expressionForType('MedicationKnowledge.code.coding.display | synonym', 'MedicationKnowledge'), 'MedicationKnowledge.code.coding.display | synonym');
  });
});
