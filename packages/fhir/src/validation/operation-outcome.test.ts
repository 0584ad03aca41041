import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validationOutcome } from './operation-outcome.js';
import type { ValidationReport } from './types.js';

const empty: ValidationReport = {
  valid: true, errors: [], warnings: [], mustSupportMissing: [], profiles: [], terminologyNotChecked: { count: 0, valueSets: [] },
};

describe('validationOutcome', () => {
  it('turns errors and warnings into issues with severity, code, diagnostics and expression', () => {
    const outcome = validationOutcome({
      ...empty,
      valid: false,
      errors: [{ severity: 'error', code: 'required', location: 'PractitionerRole.active', message: 'Missing required element' }],
      warnings: [{ severity: 'warning', code: 'not-supported', location: 'Patient', message: 'Profile x unknown' }],
      mustSupportMissing: ['PractitionerRole.telecom'],
      terminologyNotChecked: { count: 2, valueSets: ['http://vs'] },
    });
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.deepEqual(outcome.issue, [
      { severity: 'error', code: 'required', diagnostics: 'Missing required element', expression: ['PractitionerRole.active'] },
      { severity: 'warning', code: 'not-supported', diagnostics: 'Profile x unknown', expression: ['Patient'] },
      { severity: 'information', code: 'informational', diagnostics: 'Must-support element absent', expression: ['PractitionerRole.telecom'] },
      { severity: 'information', code: 'informational', diagnostics: '2 coded value(s) not checked: their value sets cannot be expanded offline (http://vs)' },
    ]);
  });

  it('says so when there is nothing to report (an OperationOutcome needs an issue)', () => {
    assert.deepEqual(validationOutcome(empty).issue, [{ severity: 'information', code: 'informational', diagnostics: 'No issues found' }]);
  });
});
