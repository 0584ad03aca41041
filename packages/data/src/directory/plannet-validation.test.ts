/** The generated directory against the Plan-Net 1.1.0 profiles, with the project's profile validator. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createValidator } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import { SANDBOX_DIRECTORY, syntheticDirectory } from './synthetic-directory.js';

describe('Plan-Net conformance', () => {
  it('the sandbox directory validates against its meta.profile with no errors or warnings', async (t) => {
    const validator = createValidator(await testRegistry());
    const problems: string[] = [];
    const types = new Set<string>();
    let checked = 0;
    for (const resource of syntheticDirectory(SANDBOX_DIRECTORY)) {
      const report = validator.validate(resource);
      assert.equal(report.profiles.length, 1, `${resource.resourceType}/${resource.id} was not checked against a Plan-Net profile`);
      for (const issue of [...report.errors, ...report.warnings]) {
        problems.push(`${resource.resourceType}/${resource.id} ${issue.severity} ${issue.location}: ${issue.message}`);
      }
      types.add(report.profiles[0] as string);
      checked++;
    }
    t.diagnostic(`${checked} resources, ${types.size} profiles`);
    assert.deepEqual(problems.slice(0, 20), []);
    assert.equal(types.size, 9, 'every Plan-Net profile is exercised');
  });
});
