/** The generated directory against the Plan-Net 1.1.0 profiles, with the project's profile validator. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createValidator } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import { conformance } from '../test-conformance.js';
import { SANDBOX_DIRECTORY, syntheticDirectory } from './synthetic-directory.js';

describe('Plan-Net conformance', () => {
  it('the sandbox directory validates against its meta.profile with no errors or warnings', async (t) => {
    const { problems, profiles: types, checked } = conformance(createValidator(await testRegistry()), syntheticDirectory(SANDBOX_DIRECTORY));
    t.diagnostic(`${checked} resources, ${types.size} profiles`);
    assert.deepEqual(problems.slice(0, 20), []);
    assert.equal(types.size, 9, 'every Plan-Net profile is exercised');
  });
});
