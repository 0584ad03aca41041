/**
 * Real tokens through the real resolver: a member signs in and consents at the sandbox's
 * authorization server, and the FHIR layer confines what the token reads — on every dialect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_A, MEMBER_B, twoMembers } from '@payerport/fhir/testing';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp, type TestApp } from '../test-app.js';
import { MEMBER, REDIRECT, authorize, form, pkce } from './test-oauth.js';

async function memberToken(t: TestApp, scope: string, env: 'sandbox' | 'production' = 'sandbox'): Promise<string> {
  await t.members.create(env, { ...MEMBER, patients: [{ patientId: MEMBER_A.patient, display: 'A', relationship: 'self' }] });
  const { client } = await t.clients.create(env, { client_name: 'Reader', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
  const { verifier, challenge } = pkce();
  const back = await authorize(t, { env, clientId: client.clientId, scope: `openid fhirUser launch/patient ${scope}`, challenge, patient: MEMBER_A.patient });
  const prefix = env === 'sandbox' ? '/sandbox' : '';
  const res = await form(t.app, `${prefix}/oauth/token`, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier, client_id: client.clientId });
  assert.equal(res.statusCode, 200, res.body);
  return json(res).access_token as string;
}

describe('patient access with real tokens', () => {
  forEachDialect('patient access tokens', (open) => {
    const get = (t: TestApp, url: string, token?: string) =>
      t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

    it("reads the member's own data, never another member's, within the granted scopes", async () => {
      const t = await openTestApp(open);
      await t.store.bulkLoad('sandbox', twoMembers());
      const token = await memberToken(t, 'patient/Coverage.rs patient/Patient.rs');
      assert.equal((await get(t, `/sandbox/fhir/R4/Coverage/${MEMBER_A.coverage}`, token)).statusCode, 200);
      const other = await get(t, `/sandbox/fhir/R4/Coverage/${MEMBER_B.coverage}`, token);
      const unknown = await get(t, '/sandbox/fhir/R4/Coverage/no-such-coverage', token);
      assert.deepEqual([other.statusCode, unknown.statusCode], [404, 404]);
      const coverages = json(await get(t, '/sandbox/fhir/R4/Coverage', token)).entry.map((e: { resource: { id: string } }) => e.resource.id);
      assert.deepEqual(coverages, [MEMBER_A.coverage]);
      const patients = json(await get(t, '/sandbox/fhir/R4/Patient?_revinclude=Coverage:beneficiary', token)).entry.map((e: { resource: { id: string } }) => e.resource.id).sort();
      assert.deepEqual(patients, [MEMBER_A.coverage, MEMBER_A.patient].sort());
      const eob = await get(t, '/sandbox/fhir/R4/ExplanationOfBenefit', token);
      assert.equal(eob.statusCode, 403);
      assert.match(String(eob.headers['www-authenticate']), /insufficient_scope/);
    });

    it('refuses a missing, unknown or other-environment token with 401 and a Bearer challenge', async () => {
      const t = await openTestApp(open);
      await t.store.bulkLoad('sandbox', twoMembers());
      await t.store.bulkLoad('production', twoMembers());
      const sandboxToken = await memberToken(t, 'patient/*.rs');
      for (const [url, token] of [
        [`/sandbox/fhir/R4/Coverage/${MEMBER_A.coverage}`, undefined],
        [`/sandbox/fhir/R4/Coverage/${MEMBER_A.coverage}`, 'x'.repeat(43)],
        [`/fhir/R4/Coverage/${MEMBER_A.coverage}`, sandboxToken],
      ] as const) {
        const res = await get(t, url, token);
        assert.equal(res.statusCode, 401, `${url} ${token ?? 'no token'}`);
        assert.match(String(res.headers['www-authenticate']), /^Bearer /);
      }
      assert.equal((await get(t, `/sandbox/fhir/R4/Coverage/${MEMBER_A.coverage}`, sandboxToken)).statusCode, 200);
    });

    it("never reaches another member's data by id, by a search naming them or through _include; an expired token is 401", async () => {
      const t = await openTestApp(open);
      await t.store.bulkLoad('sandbox', twoMembers());
      const token = await memberToken(t, 'patient/*.rs');
      assert.equal((await get(t, `/sandbox/fhir/R4/Patient/${MEMBER_B.patient}`, token)).statusCode, 404);
      const named = json(await get(t, `/sandbox/fhir/R4/Coverage?beneficiary=Patient/${MEMBER_B.patient}`, token));
      assert.deepEqual(named.entry ?? [], []);
      const ids = (res: { body: string }) => json(res).entry.map((e: { resource: { resourceType: string; id: string } }) => `${e.resource.resourceType}/${e.resource.id}`).sort();
      const included = ids(await get(t, '/sandbox/fhir/R4/ExplanationOfBenefit?_include=ExplanationOfBenefit:patient&_include=ExplanationOfBenefit:coverage', token));
      assert.ok(included.includes(`Patient/${MEMBER_A.patient}`) && included.includes(`Coverage/${MEMBER_A.coverage}`), included.join(' '));
      assert.ok(!included.some((id: string) => id.includes(MEMBER_B.patient) || id.includes(MEMBER_B.coverage) || MEMBER_B.claims.some((c) => id.endsWith(`/${c}`))), included.join(' '));
      // The token's own expiry passes (its row is kept until the purge): 401 like any invalid token.
      const check = await t.verifyToken('sandbox', token);
      assert.ok(check.ok);
      const row = await t.store.auth.payloads.find('sandbox', 'AccessToken', token);
      await t.store.auth.payloads.upsert('sandbox', 'AccessToken', token, { payload: JSON.stringify({ ...JSON.parse(row!.payload), exp: Math.floor(Date.now() / 1000) - 1 }), grantId: check.grant.grantId });
      assert.deepEqual(await t.verifyToken('sandbox', token), { ok: false, reason: 'expired' });
      const expired = await get(t, `/sandbox/fhir/R4/Patient/${MEMBER_A.patient}`, token);
      assert.equal(expired.statusCode, 401);
      assert.match(String(expired.headers['www-authenticate']), /invalid_token/);
    });

    it('stops a revoked token at once', async () => {
      const t = await openTestApp(open);
      await t.store.bulkLoad('sandbox', twoMembers());
      const token = await memberToken(t, 'patient/*.rs');
      assert.equal((await get(t, `/sandbox/fhir/R4/Patient/${MEMBER_A.patient}`, token)).statusCode, 200);
      const client = (await t.clients.list('sandbox'))[0]!;
      const revoked = await form(t.app, '/sandbox/oauth/revoke', { token, client_id: client.clientId });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal((await get(t, `/sandbox/fhir/R4/Patient/${MEMBER_A.patient}`, token)).statusCode, 401);
    });
  });
});
