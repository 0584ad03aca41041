/** Requested scopes → categories shown → scopes granted for the categories kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESOURCE_CATEGORIES } from './categories.js';
import { grantedScopes, scopeCategories } from './scope-categories.js';

const split = (s: string): string[] => s.split(' ').filter((x) => x !== '');
const ids = (scopes: string[]): string[] => scopeCategories(scopes).map((c) => c.id);
const WILDCARD_IDS = [...RESOURCE_CATEGORIES.map((c) => c.id), 'other'];

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

  it('expands v1 and v2 wildcards to every resource category and "Other records"', () => {
    for (const wildcard of ['patient/*.read', 'patient/*.rs', 'user/*.read']) {
      const categories = scopeCategories(['openid', wildcard]);
      assert.deepEqual(categories.map((c) => c.id), WILDCARD_IDS);
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
  it('grants wildcards as asked (v1 and v2) when every category shown is kept', () => {
    for (const wildcard of ['patient/*.read', 'patient/*.rs', 'user/*.rs']) {
      const requested = ['openid', 'fhirUser', 'profile', 'launch/patient', 'offline_access', wildcard];
      assert.deepEqual(split(grantedScopes(requested, ids(requested), ['Basic'])), requested);
    }
  });

  it('splits a wildcard as soon as one of its categories is unticked, "Other records" included', () => {
    const requested = ['openid', 'patient/*.read'];
    const withoutOther = split(grantedScopes(requested, WILDCARD_IDS.filter((id) => id !== 'other'), ['Basic', 'Account']));
    assert.ok(!withoutOther.includes('patient/*.read'));
    assert.ok(withoutOther.includes('patient/ExplanationOfBenefit.read') && withoutOther.includes('patient/Observation.read'));
    assert.ok(!withoutOther.includes('patient/Basic.read'));
    const withoutClaims = split(grantedScopes(requested, WILDCARD_IDS.filter((id) => id !== 'claims'), ['Basic', 'Account']));
    assert.ok(!withoutClaims.includes('patient/*.read') && !withoutClaims.includes('patient/ExplanationOfBenefit.read'));
    assert.ok(withoutClaims.includes('patient/Basic.read') && withoutClaims.includes('patient/Account.read'), '"Other records" kept: the other types by name');
    assert.ok(withoutClaims.slice(1).every((s) => /^patient\/[A-Z]\w+\.read$/.test(s)));
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
