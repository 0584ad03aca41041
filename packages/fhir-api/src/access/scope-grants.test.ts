import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSmartScopes } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import type { AccessContext } from './access-context.js';
import { granularFilters, grantingScopes } from './scope-grants.js';

const member = (scopes: string): AccessContext => ({ kind: 'patient', patient: 'p', scopes: parseSmartScopes(scopes), clientId: 'c', sub: 's' });

describe('grantingScopes', () => {
  it('matches the type or *, and the letter', () => {
    const access = member('patient/Coverage.rs user/Observation.r patient/*.read system/*.*');
    assert.equal(grantingScopes(access, 'Coverage', 's').length, 2);
    assert.equal(grantingScopes(access, 'Observation', 'r').length, 2);
    assert.equal(grantingScopes(access, 'ExplanationOfBenefit', 'c').length, 0, 'system scopes do not count for a member');
  });
  it('a backend token counts only system scopes', () => {
    const backend: AccessContext = { kind: 'system', scopes: parseSmartScopes('patient/*.rs system/Coverage.rs'), clientId: 'b' };
    assert.equal(grantingScopes(backend, 'Coverage', 'r').length, 1);
    assert.equal(grantingScopes(backend, 'Patient', 'r').length, 0);
  });
});

describe('granularFilters', () => {
  it('undefined when one granting scope is unrestricted; else one group per scope', async () => {
    const registry = await testRegistry();
    const scopes = (s: string) => parseSmartScopes(s);
    assert.equal(granularFilters(registry, 'Observation', scopes('patient/Observation.rs patient/Observation.rs?category=laboratory')), undefined);
    const groups = granularFilters(registry, 'Observation', scopes('patient/Observation.rs?category=laboratory patient/Observation.rs?category=vital-signs&status=final'));
    assert.deepEqual(groups?.map((g) => g.length), [1, 2]);
  });
  it('a query the server cannot evaluate grants nothing', async () => {
    const registry = await testRegistry();
    assert.deepEqual(granularFilters(registry, 'Observation', parseSmartScopes('patient/Observation.rs?no-such-param=1 patient/Observation.rs?_count=5')), []);
  });
});
