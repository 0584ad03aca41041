import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRegistry } from '../testing.js';
import { compartmentFrom, patientCompartment } from './compartment.js';

describe('patientCompartment (https://hl7.org/fhir/R4/compartmentdefinition-patient.html)', () => {
  it('reads the reference parameters of each member type from the CompartmentDefinition', async () => {
    const compartment = patientCompartment(await testRegistry());
    assert.equal(compartment.type, 'Patient');
    assert.deepEqual(compartment.params('ExplanationOfBenefit'), ['patient', 'payee']);
    assert.deepEqual(compartment.params('Coverage'), ['policy-holder', 'subscriber', 'beneficiary', 'payor']);
    assert.deepEqual(compartment.params('Observation'), ['subject', 'performer']);
    assert.deepEqual(compartment.params('Patient'), ['link']);
  });
  it('types listed without parameters, or not listed, are never members', async () => {
    const compartment = patientCompartment(await testRegistry());
    for (const type of ['Organization', 'Practitioner', 'Location', 'Medication', 'NoSuchType']) assert.equal(compartment.params(type), undefined, type);
  });
  it('drops parameters the registry does not define as references', async () => {
    const compartment = compartmentFrom(await testRegistry(), { code: 'Patient', resource: [{ code: 'Observation', param: ['subject', 'no-such-param', 'status', '{def}'] }] });
    assert.deepEqual(compartment.params('Observation'), ['subject']);
    assert.deepEqual(compartment.params('Patient'), [], 'the compartment type is a member by id');
  });
});
