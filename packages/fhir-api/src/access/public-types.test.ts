import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testRegistry } from '@payerport/fhir/testing';
import { publicTypesOf } from './public-types.js';

it('public types are the types the Plan-Net and Formulary IGs profile', async () => {
  assert.deepEqual(publicTypesOf(await testRegistry()), [
    'Basic', 'Endpoint', 'GraphDefinition', 'HealthcareService', 'InsurancePlan', 'Location', 'MedicationKnowledge',
    'Organization', 'OrganizationAffiliation', 'Practitioner', 'PractitionerRole',
  ]);
});
