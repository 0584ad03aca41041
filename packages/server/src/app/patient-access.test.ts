/**
 * Patient Access authorization over HTTP: no token, an invalid token, member tokens with v1, v2
 * and granular scopes, a backend token and the admin token, against two members' data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MEMBER_A, MEMBER_B, SHARED, twoMembers } from '@payerport/fhir/testing';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, PUBLIC_URL, json, openTestApp, type Loose, type TestApp } from '../test-app.js';
import { bearer, memberToken, systemToken, testAccessResolver } from '../test-access.js';

const BASE = '/fhir/R4';
const TOKENS = {
  'a-all': memberToken(MEMBER_A.patient, 'openid fhirUser launch/patient patient/*.rs'),
  'a-v1': memberToken(MEMBER_A.patient, 'patient/*.read'),
  'a-coverage': memberToken(MEMBER_A.patient, 'patient/Coverage.rs'),
  'a-lab': memberToken(MEMBER_A.patient, 'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory patient/Patient.rs'),
  'a-read-only': memberToken(MEMBER_A.patient, 'patient/*.r'),
  'backend': systemToken('system/*.rs'),
};

const ids = (bundle: Loose, mode = 'match'): string[] =>
  (bundle.entry ?? []).filter((e: Loose) => e.search?.mode === mode).map((e: Loose) => `${e.resource.resourceType}/${e.resource.id}`).sort();

forEachDialect('Patient Access authorization (HTTP)', (open) => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(open, {}, testAccessResolver(TOKENS));
    await t.store.bulkLoad('production', twoMembers());
  });
  after(() => t?.app.close());
  const get = (path: string, token?: string) => t.app.inject({ url: `${BASE}/${path}`, headers: token === undefined ? {} : bearer(token) });
  const search = async (path: string, token?: string) => {
    const res = await get(path, token);
    assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
    return json(res);
  };
  const claimsOf = (member: typeof MEMBER_A) => member.claims.map((c) => `ExplanationOfBenefit/${c}`).sort();

  describe('without a token', () => {
    it('protected types answer 401 with a Bearer challenge', async () => {
      for (const path of ['ExplanationOfBenefit', `Coverage/${MEMBER_A.coverage}`, 'Patient?name=x', 'Observation/_history', '_history']) {
        const res = await get(path);
        assert.equal(res.statusCode, 401, path);
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="payerport"', path);
        assert.equal(json(res).resourceType, 'OperationOutcome');
        assert.equal(json(res).issue[0].code, 'login');
      }
    });
    it('directory and formulary types answer 200', async () => {
      for (const path of ['Practitioner', `Practitioner/${SHARED.practitioner}`, `Organization/${SHARED.organization}`, 'Location', 'PractitionerRole',
        'HealthcareService', 'Endpoint', 'InsurancePlan', 'OrganizationAffiliation', 'MedicationKnowledge', 'Basic', 'metadata']) {
        assert.equal((await get(path)).statusCode, 200, path);
      }
    });
    it('a public search cannot reach protected data through _revinclude or _has', async () => {
      const org = await search(`Organization?_revinclude=Coverage:payor&_revinclude=ExplanationOfBenefit:provider`);
      assert.deepEqual(ids(org), [`Organization/${SHARED.organization}`]);
      assert.deepEqual(ids(org, 'include'), []);
      const has = await search(`Organization?_has:Coverage:payor:beneficiary=Patient/${MEMBER_B.patient}`);
      assert.deepEqual(ids(has), []);
    });
  });

  describe('an invalid token', () => {
    it('answers 401 invalid_token on protected types, and is ignored on public ones', async () => {
      const res = await get('ExplanationOfBenefit', 'expired-or-unknown');
      assert.equal(res.statusCode, 401);
      assert.match(String(res.headers['www-authenticate']), /^Bearer realm="payerport", error="invalid_token"/);
      assert.equal((await get('Practitioner', 'expired-or-unknown')).statusCode, 200);
    });
    it('a token of another environment is not valid here', async () => {
      const res = await t.app.inject({ url: `/sandbox/fhir/R4/ExplanationOfBenefit`, headers: bearer('a-all') });
      assert.equal(res.statusCode, 401);
    });
  });

  describe('a member token (patient/*.rs)', () => {
    it('a search across patients returns only the member\'s resources', async () => {
      assert.deepEqual(ids(await search('ExplanationOfBenefit', 'a-all')), claimsOf(MEMBER_A));
      assert.deepEqual(ids(await search(`Patient?_id=${MEMBER_B.patient}`, 'a-all')), []);
      assert.deepEqual(ids(await search('Patient', 'a-all')), [`Patient/${MEMBER_A.patient}`]);
    });
    it('another member\'s resource is 404, exactly like an unknown id', async () => {
      const theirs = await get(`Coverage/${MEMBER_B.coverage}`, 'a-all');
      const unknown = await get('Coverage/no-such-coverage', 'a-all');
      assert.equal(theirs.statusCode, 404);
      assert.equal(unknown.statusCode, 404);
      assert.equal(theirs.body.replace(MEMBER_B.coverage, 'ID'), unknown.body.replace('no-such-coverage', 'ID'));
      const headers = (h: Loose) => Object.keys(h).filter((k) => !['date', 'content-length'].includes(k)).sort().map((k) => `${k}: ${h[k]}`);
      assert.deepEqual(headers(theirs.headers), headers(unknown.headers));
      for (const path of [`Coverage/${MEMBER_B.coverage}/_history/1`, `Coverage/${MEMBER_B.coverage}/_history`, `Patient/${MEMBER_B.patient}`]) {
        assert.equal((await get(path, 'a-all')).statusCode, 404, path);
      }
      assert.equal((await get(`Coverage/${MEMBER_A.coverage}`, 'a-all')).statusCode, 200);
      assert.equal((await get(`Coverage/${MEMBER_A.coverage}/_history/1`, 'a-all')).statusCode, 200);
      assert.equal((await get(`Coverage/${MEMBER_A.coverage}/_history`, 'a-all')).statusCode, 200);
    });
    it('includes, revincludes, chains and _has stay in the compartment', async () => {
      const inc = await search('ExplanationOfBenefit?_include=ExplanationOfBenefit:patient&_include=ExplanationOfBenefit:coverage&_include=ExplanationOfBenefit:provider', 'a-all');
      assert.deepEqual(ids(inc, 'include'), [`Coverage/${MEMBER_A.coverage}`, `Patient/${MEMBER_A.patient}`, `Practitioner/${SHARED.practitioner}`]);
      const rev = await search('Patient?_revinclude=Coverage:beneficiary', 'a-all');
      assert.deepEqual(ids(rev), [`Patient/${MEMBER_A.patient}`]);
      assert.deepEqual(ids(rev, 'include'), [`Coverage/${MEMBER_A.coverage}`]);
      assert.deepEqual(ids(await search(`ExplanationOfBenefit?patient.name=${MEMBER_B.family}`, 'a-all')), []);
      assert.deepEqual(ids(await search('Patient?_has:Coverage:beneficiary:status=active', 'a-all')), [`Patient/${MEMBER_A.patient}`]);
    });
    it('paging links and _total=accurate reflect the confined set', async () => {
      const first = await search('ExplanationOfBenefit?_count=2&_total=accurate', 'a-all');
      assert.equal(first.total, 3);
      assert.equal(first.entry.length, 2);
      const next = first.link.find((l: Loose) => l.relation === 'next').url as string;
      const second = json(await t.app.inject({ url: next.slice(PUBLIC_URL.length), headers: bearer('a-all') }));
      assert.equal(second.total, 3);
      assert.equal(second.entry.length, 1);
      assert.equal(second.link.find((l: Loose) => l.relation === 'next'), undefined);
      assert.deepEqual([...ids(first), ...ids(second)].sort(), claimsOf(MEMBER_A));
    });
    it('history across every type is refused with an explanation; one type\'s history is confined', async () => {
      const res = await get('_history', 'a-all');
      assert.equal(res.statusCode, 403);
      assert.equal(json(res).issue[0].code, 'forbidden');
      assert.match(json(res).issue[0].diagnostics, /Coverage\/_history/);
      const coverage = await search('Coverage/_history', 'a-all');
      assert.deepEqual(coverage.entry.map((e: Loose) => e.resource.id), [MEMBER_A.coverage]);
    });
  });

  describe('scopes', () => {
    it('v1 patient/*.read reads and searches', async () => {
      assert.deepEqual(ids(await search('ExplanationOfBenefit', 'a-v1')), claimsOf(MEMBER_A));
      assert.equal((await get(`Coverage/${MEMBER_A.coverage}`, 'a-v1')).statusCode, 200);
    });
    it('a scope for Coverage only answers 403 insufficient_scope elsewhere', async () => {
      assert.deepEqual(ids(await search('Coverage', 'a-coverage')), [`Coverage/${MEMBER_A.coverage}`]);
      for (const path of ['ExplanationOfBenefit', `ExplanationOfBenefit/${MEMBER_A.claims[0]}`, 'Patient']) {
        const res = await get(path, 'a-coverage');
        assert.equal(res.statusCode, 403, path);
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="payerport", error="insufficient_scope"', path);
        assert.equal(json(res).resourceType, 'OperationOutcome');
      }
      // Types the scopes do not grant are never included either.
      assert.deepEqual(ids(await search('Coverage?_include=Coverage:beneficiary&_revinclude=ExplanationOfBenefit:coverage', 'a-coverage'), 'include'), []);
    });
    it('r without s reads but does not search', async () => {
      assert.equal((await get(`Coverage/${MEMBER_A.coverage}`, 'a-read-only')).statusCode, 200);
      assert.equal((await get('Coverage', 'a-read-only')).statusCode, 403);
    });
    it('a granular scope (category=laboratory) shows laboratory observations only', async () => {
      assert.deepEqual(ids(await search('Observation', 'a-lab')), [`Observation/${MEMBER_A.lab}`]);
      assert.equal((await search('Observation?_total=accurate', 'a-lab')).total, 1);
      assert.equal((await get(`Observation/${MEMBER_A.lab}`, 'a-lab')).statusCode, 200);
      assert.equal((await get(`Observation/${MEMBER_A.vitals}`, 'a-lab')).statusCode, 404);
      assert.deepEqual(ids(await search('Patient?_revinclude=Observation:subject', 'a-lab'), 'include'), [`Observation/${MEMBER_A.lab}`]);
    });
  });

  describe('other callers', () => {
    it('a backend token with system/*.rs sees every member', async () => {
      assert.equal(ids(await search('ExplanationOfBenefit', 'backend')).length, 5);
      assert.equal((await get(`Coverage/${MEMBER_B.coverage}`, 'backend')).statusCode, 200);
    });
    it('the admin token reads everything, unconfined', async () => {
      const res = await t.app.inject({ url: `${BASE}/ExplanationOfBenefit?_include=ExplanationOfBenefit:coverage`, headers: ADMIN });
      assert.equal(ids(json(res)).length, 5);
      assert.equal((await t.app.inject({ url: `${BASE}/_history`, headers: ADMIN })).statusCode, 200);
    });
    it('batch entries are authorized one by one with the same token', async () => {
      const bundle = { resourceType: 'Bundle', type: 'batch', entry: [
        { request: { method: 'GET', url: `Coverage/${MEMBER_B.coverage}` } },
        { request: { method: 'GET', url: `Coverage/${MEMBER_A.coverage}` } },
        { request: { method: 'GET', url: 'ExplanationOfBenefit' } },
      ] };
      const res = await t.app.inject({ method: 'POST', url: BASE, headers: { ...bearer('a-all'), 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle) });
      assert.equal(res.statusCode, 200, res.body);
      const entries = json(res).entry;
      assert.deepEqual(entries.map((e: Loose) => e.response.status.slice(0, 3)), ['404', '200', '200']);
      assert.deepEqual(ids(entries[2].resource), claimsOf(MEMBER_A));
    });
    it('writes stay admin-only', async () => {
      const res = await t.app.inject({ method: 'POST', url: `${BASE}/Observation`, headers: { ...bearer('a-all'), 'content-type': 'application/fhir+json' }, payload: '{"resourceType":"Observation"}' });
      assert.equal(res.statusCode, 403);
    });
  });
});
