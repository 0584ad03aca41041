import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PUBLIC_SYSTEM_TYPES, isMemberScope, memberScopes, splitScopes, systemScopes } from './smart-scopes.js';

const PUBLIC = new Set(PUBLIC_SYSTEM_TYPES);

describe('grantable scopes', () => {
  it('members grant v1, v2 and granular read scopes, never writes or system scopes', () => {
    for (const ok of ['patient/*.read', 'patient/ExplanationOfBenefit.read', 'patient/*.rs', 'patient/Coverage.rs', 'patient/Observation.rs?category=laboratory', 'user/Patient.r']) {
      assert.ok(isMemberScope(ok), ok);
    }
    for (const no of ['patient/*.write', 'patient/*.*', 'patient/Coverage.cruds', 'system/Practitioner.rs', 'openid', 'launch/patient', 'patient/x.rs']) {
      assert.ok(!isMemberScope(no), no);
    }
    assert.deepEqual(memberScopes('openid patient/*.rs patient/*.rs', 'patient/Coverage.rs'), ['patient/*.rs', 'patient/Coverage.rs']);
  });

  it('backend clients get system/ read scopes on the public directory and formulary types only', () => {
    assert.deepEqual(systemScopes('system/Practitioner.rs system/InsurancePlan.read system/Patient.rs system/*.rs system/Location.cud patient/*.rs', PUBLIC),
      ['system/Practitioner.rs', 'system/InsurancePlan.read']);
  });

  it('splits OIDC scopes from the rest', () => {
    assert.deepEqual(splitScopes('openid fhirUser launch/patient patient/*.rs offline_access'), { oidc: ['openid', 'fhirUser', 'launch/patient', 'offline_access'], resource: ['patient/*.rs'] });
  });
});
