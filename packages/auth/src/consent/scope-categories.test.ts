/** Requested scopes → categories shown → scopes granted for the categories kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESOURCE_CATEGORIES } from './categories.js';
import { grantedScopes, scopeCategories } from './scope-categories.js';

const split = (s: string): string[] => s.split(' ').filter((x) => x !== '');
const ids = (scopes: string[]): string[] => scopeCategories(scopes).map((c) => c.id);
const ALL_RESOURCE_IDS = RESOURCE_CATEGORIES.map((c) => c.id);

describe('scope categories', () => {
  it('groups typed scopes by category, in display order, listing the scopes each covers', () => {
    const requested = ['openid', 'fhirUser', 'launch/patient', 'offline_access', 'patient/Patient.read',
      'patient/ExplanationOfBenefit.read', 'patient/Coverage.read', 'patient/Observation.rs?category=laboratory', 'patient/Claim.rs'];
    assert.deepEqual(scopeCategories(requested), [
      { id: 'claims', scopes: ['patient/ExplanationOfBenefit.read', 'patient/Claim.rs'], resourceTypes: ['ExplanationOfBenefit', 'Claim'] },
      { id: 'coverage', scopes: ['patient/Coverage.read'], resourceTypes: ['Coverage'] },
      { id: 'clinical', scopes: ['patient/Observation.rs?category=laboratory'], resourceTypes: ['Observation'] },
      { id: 'demographics', scopes: ['patient/Patient.read'], resourceTypes: ['Patient'] },
      { id: 'offline', scopes: ['offline_access'], resourceTypes: [] },
    ]);
  });

  it('expands v1 and v2 wildcards to every resource category', () => {
    for (const wildcard of ['patient/*.read', 'patient/*.rs', 'user/*.read']) {
      const categories = scopeCategories(['openid', wildcard]);
      assert.deepEqual(categories.map((c) => c.id), ALL_RESOURCE_IDS);
      for (const c of categories) assert.deepEqual(c.scopes, [wildcard]);
      assert.ok(categories.find((c) => c.id === 'claims')!.resourceTypes.includes('ExplanationOfBenefit'));
    }
  });

  it('puts types no category knows under "other", and ignores system and unknown scopes', () => {
    assert.deepEqual(scopeCategories(['patient/Basic.read', 'system/*.read', 'email', 'patient/Coverage.x', 'patient/*.']), [
      { id: 'other', scopes: ['patient/Basic.read'], resourceTypes: ['Basic'] },
    ]);
  });
});

describe('granted scopes', () => {
  it('keeps everything (identity scopes included) when every category is kept, splitting the v1 wildcard', () => {
    const requested = ['openid', 'fhirUser', 'profile', 'launch/patient', 'offline_access', 'patient/*.read'];
    const granted = split(grantedScopes(requested, ids(requested)));
    assert.deepEqual(granted.slice(0, 5), ['openid', 'fhirUser', 'profile', 'launch/patient', 'offline_access']);
    assert.ok(granted.includes('patient/ExplanationOfBenefit.read'));
    assert.ok(granted.includes('patient/Observation.read'));
    assert.ok(!granted.includes('patient/*.read'));
    assert.ok(granted.slice(5).every((s) => /^patient\/[A-Z]\w+\.read$/.test(s)));
  });

  it('splits a v2 wildcard into v2 per-type scopes of the kept categories only', () => {
    const granted = split(grantedScopes(['openid', 'launch/patient', 'patient/*.rs'], ['claims', 'coverage']));
    assert.deepEqual(granted, ['openid', 'launch/patient', 'patient/ExplanationOfBenefit.rs', 'patient/Claim.rs',
      'patient/ClaimResponse.rs', 'patient/Coverage.rs', 'patient/InsurancePlan.rs']);
  });

  it('keeps granular scopes intact when their category is kept, and removes an unticked category', () => {
    const requested = ['openid', 'patient/Observation.rs?category=laboratory', 'patient/Condition.rs?category=problem-list-item',
      'patient/ExplanationOfBenefit.rs', 'patient/Patient.rs'];
    assert.equal(grantedScopes(requested, ['clinical', 'demographics']),
      'openid patient/Observation.rs?category=laboratory patient/Condition.rs?category=problem-list-item patient/Patient.rs');
    assert.equal(grantedScopes(requested, ['claims']), 'openid patient/ExplanationOfBenefit.rs');
  });

  it('removes offline_access when "stay connected" is unticked', () => {
    const requested = ['openid', 'offline_access', 'patient/Coverage.read'];
    assert.equal(grantedScopes(requested, ['coverage', 'offline']), 'openid offline_access patient/Coverage.read');
    assert.equal(grantedScopes(requested, ['coverage']), 'openid patient/Coverage.read');
  });

  it('drops system/ and unknown scopes, ignores unknown category ids, and removes duplicates', () => {
    const requested = ['openid', 'system/*.read', 'email', 'patient/Coverage.rs', 'patient/*.rs', 'patient/Basic.rs'];
    const granted = split(grantedScopes(requested, ['coverage', 'nonsense', 'other']));
    assert.deepEqual(granted, ['openid', 'patient/Coverage.rs', 'patient/InsurancePlan.rs', 'patient/Basic.rs']);
    assert.equal(grantedScopes(requested, []), 'openid');
  });
});
