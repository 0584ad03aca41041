import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rewriteTerm, splitUnion, termAppliesTo, termsForType } from './expression-terms.js';

describe('splitUnion', () => {
  it('splits at top-level bars only', () => {
    assert.deepEqual(splitUnion('A.b | (C.d as X) | E.f.where(g = \'x|y\')'), ['A.b', '(C.d as X)', "E.f.where(g = 'x|y')"]);
  });
  it('keeps a nested union in one term', () => {
    assert.deepEqual(splitUnion('(A.b | A.c).d|A.e'), ['(A.b | A.c).d', 'A.e']);
  });
});

describe('termAppliesTo', () => {
  it('drops terms of other resource types and keeps Resource, DomainResource and relative terms', () => {
    assert.equal(termAppliesTo('Condition.code', 'Observation'), false);
    assert.equal(termAppliesTo('(Condition.code as CodeableConcept)', 'Condition'), true);
    assert.equal(termAppliesTo('Resource.meta.tag', 'Observation'), true);
    assert.equal(termAppliesTo('DomainResource.text', 'Observation'), true);
    assert.equal(termAppliesTo('alias', 'InsurancePlan'), true);
  });
});

describe('rewriteTerm', () => {
  it('rewrites resolve() is T to refIs(T)', () => {
    assert.equal(rewriteTerm('Observation.subject.where(resolve() is Patient)'), "Observation.subject.where(refIs('Patient'))");
    assert.equal(rewriteTerm('X.y.where(resolve() is Patient or resolve() is Group)'), "X.y.where(refIs('Patient') or refIs('Group'))");
  });
  it('rewrites as to ofType, in both syntaxes', () => {
    assert.equal(rewriteTerm('(Observation.value as Quantity)'), 'Observation.value.ofType(Quantity)');
    assert.equal(rewriteTerm('Condition.onset.as(Age)'), 'Condition.onset.ofType(Age)');
    assert.equal(rewriteTerm('(Observation.value as CodeableConcept).text'), 'Observation.value.ofType(CodeableConcept).text');
    assert.equal(rewriteTerm('Observation.value as Quantity'), 'Observation.value.ofType(Quantity)');
  });
  it('leaves other expressions alone', () => {
    const e = "Patient.extension.where(url = 'http://x').extension.value.code";
    assert.equal(rewriteTerm(e), e);
  });
});

describe('termsForType', () => {
  it('keeps the terms of one type from a shared base expression', () => {
    const expr = 'AllergyIntolerance.code | AllergyIntolerance.reaction.substance | Condition.code | (DeviceRequest.code as CodeableConcept)';
    assert.deepEqual(termsForType(expr, 'AllergyIntolerance'), ['AllergyIntolerance.code', 'AllergyIntolerance.reaction.substance']);
    assert.deepEqual(termsForType(expr, 'DeviceRequest'), ['DeviceRequest.code.ofType(CodeableConcept)']);
  });
});
