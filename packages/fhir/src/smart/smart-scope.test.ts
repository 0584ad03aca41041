import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSmartScope, parseSmartScopes, type SmartScope } from './smart-scope.js';

const letters = (scope: SmartScope | undefined) => (scope === undefined ? undefined : [...scope.interactions].join(''));

describe('parseSmartScope — v1 (https://hl7.org/fhir/smart-app-launch/1.0.0/scopes-and-launch-context/)', () => {
  it('read is r+s, write is c+u+d, * is everything', () => {
    assert.deepEqual(parseSmartScope('patient/*.read'), { context: 'patient', resourceType: '*', interactions: new Set(['r', 's']), version: 1 });
    const write = parseSmartScope('user/Observation.write');
    assert.equal(write?.context, 'user');
    assert.equal(write?.resourceType, 'Observation');
    assert.equal(letters(write), 'cud');
    assert.equal(write?.version, 1);
    assert.equal(letters(parseSmartScope('system/*.*')), 'cruds');
    assert.equal(parseSmartScope('system/*.*')?.version, 1);
  });
  it('a v1 scope cannot carry a granular query', () => {
    assert.equal(parseSmartScope('patient/Observation.read?category=laboratory'), undefined);
  });
});

describe('parseSmartScope — v2 (https://hl7.org/fhir/smart-app-launch/STU2/scopes-and-launch-context.html)', () => {
  it('letters in canonical order, any non-empty subset', () => {
    assert.equal(letters(parseSmartScope('patient/*.rs')), 'rs');
    assert.equal(letters(parseSmartScope('patient/Coverage.cruds')), 'cruds');
    assert.equal(letters(parseSmartScope('user/Patient.r')), 'r');
    assert.equal(letters(parseSmartScope('system/Patient.cd')), 'cd');
    assert.equal(parseSmartScope('patient/*.rs')?.version, 2);
    assert.equal(parseSmartScope('patient/*.rs')?.query, undefined);
  });
  it('rejects letters out of order, repeated, unknown or missing', () => {
    for (const bad of ['patient/*.sr', 'patient/*.rr', 'patient/*.rsx', 'patient/*.', 'patient/*.scrud', 'patient/*.cruds ', 'patient/*.R']) {
      assert.equal(parseSmartScope(bad), undefined, bad);
    }
  });
  it('granular scopes keep the decoded query pairs', () => {
    const system = parseSmartScope('patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory');
    assert.deepEqual(system?.query, [['category', 'http://terminology.hl7.org/CodeSystem/observation-category|laboratory']]);
    assert.equal(letters(system), 'rs');
    const plain = parseSmartScope('patient/Observation.rs?category=laboratory');
    assert.deepEqual(plain?.query, [['category', 'laboratory']]);
    const two = parseSmartScope('patient/Condition.rs?category=problem-list-item&clinical-status=active');
    assert.deepEqual(two?.query, [['category', 'problem-list-item'], ['clinical-status', 'active']]);
    assert.deepEqual(parseSmartScope('patient/Observation.rs?code=http%3A%2F%2Floinc.org%7C1234-5')?.query, [['code', 'http://loinc.org|1234-5']]);
    assert.deepEqual(new URLSearchParams(plain?.query as [string, string][]).get('category'), 'laboratory');
  });
  it('rejects an empty or malformed query rather than widening the grant', () => {
    for (const bad of ['patient/Observation.rs?', 'patient/Observation.rs?category', 'patient/Observation.rs?=lab', 'patient/Observation.rs?category=',
      'patient/Observation.rs?category=lab&', 'patient/Observation.rs?category=%E0%A4%A']) {
      assert.equal(parseSmartScope(bad), undefined, bad);
    }
  });
});

describe('parseSmartScope — not clinical-data scopes', () => {
  it('identity, launch and refresh scopes, and garbage, are undefined', () => {
    for (const other of ['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'online_access',
      '', ' ', 'patient', 'patient/', 'patient/*', 'patient/.rs', 'doctor/*.rs', 'Patient/*.rs', 'patient/observation.rs', 'patient/Obs-ervation.rs',
      'patient/*/x.rs', 'patient/Observation.read.write', 'patient/*.*?a=b', '__proto__/*.rs', 'patient/*.constructor', 'patient/*.toString']) {
      assert.equal(parseSmartScope(other), undefined, JSON.stringify(other));
    }
  });
});

describe('parseSmartScopes', () => {
  it('keeps the clinical-data scopes of a space-separated OAuth scope string, in order', () => {
    const scopes = parseSmartScopes('openid fhirUser launch/patient  patient/Coverage.rs patient/*.read offline_access');
    assert.deepEqual(scopes.map((s) => `${s.resourceType}:${letters(s)}:v${s.version}`), ['Coverage:rs:v2', '*:rs:v1']);
  });
});
