/**
 * The audit trail of Patient Access, through the app: sign-in and consent, token, FHIR requests
 * with the token, revocation — who, what, when, outcome, never the token — and the CMS metrics.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_A, twoMembers } from '@payerport/fhir/testing';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp } from '../test-app.js';
import { MEMBER, REDIRECT, authorize, form, pkce } from './test-oauth.js';

describe('audit trail', () => {
  forEachDialect('audit trail', (open) => {
    it('records authorization, token, FHIR requests and revocation without tokens, and counts the transfer', async () => {
      const t = await openTestApp(open);
      await t.store.bulkLoad('sandbox', twoMembers());
      const memberId = await t.members.create('sandbox', { ...MEMBER, patients: [{ patientId: MEMBER_A.patient, display: 'A', relationship: 'self' }] });
      const { client } = await t.clients.create('sandbox', { client_name: 'Audited', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const { verifier, challenge } = pkce();
      const back = await authorize(t, { clientId: client.clientId, scope: 'openid launch/patient patient/Coverage.rs', challenge, patient: MEMBER_A.patient });
      const res = await form(t.app, '/sandbox/oauth/token', { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier, client_id: client.clientId });
      const token = json(res).access_token as string;
      const get = (url: string, bearer = token) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
      assert.equal((await get(`/sandbox/fhir/R4/Coverage/${MEMBER_A.coverage}`)).statusCode, 200);
      assert.equal((await get('/sandbox/fhir/R4/ExplanationOfBenefit')).statusCode, 403);
      assert.equal((await get('/sandbox/fhir/R4/Practitioner?_count=1')).statusCode, 200);
      assert.equal((await get('/sandbox/fhir/R4/Coverage', 'y'.repeat(43))).statusCode, 401);
      assert.equal((await form(t.app, '/sandbox/oauth/revoke', { token, client_id: client.clientId })).statusCode, 200);
      assert.equal((await get(`/sandbox/fhir/R4/Coverage/${MEMBER_A.coverage}`)).statusCode, 401);
      await t.audit.flush();

      const trail = (await t.store.audit.forPatient('sandbox', MEMBER_A.patient, 50)).reverse();
      assert.deepEqual(trail.map((e) => [e.kind, e.action, e.outcome]), [
        ['authorization', 'authorization:code', 'success'],
        ['token', 'token:authorization_code', 'success'],
        ['fhir', 'fhir:read Coverage', 'success'],
        ['fhir', 'fhir:search-type ExplanationOfBenefit', 'failure:403'],
        ['fhir-public', 'fhir:search-type Practitioner', 'success'],
      ]);
      for (const e of trail) assert.deepEqual([e.clientId, e.member], [client.clientId, memberId]);
      const all = await t.store.sql.all<Record<string, unknown>>('SELECT * FROM audit_event');
      assert.ok(all.some((e) => e.kind === 'revocation' && e.outcome === 'success' && e.client_id === client.clientId));
      // The client hears `invalid_token` for both; the trail keeps why.
      const refused = all.filter((e) => e.outcome === 'failure:invalid_token').map((e) => [e.kind, e.action, e.detail, e.client_id])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2])));
      assert.deepEqual(refused, [['fhir', 'fhir:search-type Coverage', 'invalid', null], ['fhir', 'fhir:read Coverage', 'revoked', null]]);
      assert.ok(!JSON.stringify(all).includes(token), 'no token in the trail');
      const year = new Date().getUTCFullYear();
      assert.deepEqual(await t.store.audit.patientAccessMetrics('sandbox', Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)), { patientsTransferred: 1, patientsTransferredMoreThanOnce: 0 });
    });

    it('a reused code or refresh token is recorded as a revocation (reuse detected), a merely wrong one as invalid; its tokens then read as revoked', async () => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const exchange = async (scope: string) => {
        const { verifier, challenge } = pkce();
        const code = (await authorize(t, { clientId: client.clientId, scope, challenge })).searchParams.get('code')!;
        const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: client.clientId };
        return { fields, tokens: json(await form(t.app, '/sandbox/oauth/token', fields)) };
      };
      const codeFlow = await exchange('openid launch/patient patient/Coverage.rs');
      assert.equal(json(await form(t.app, '/sandbox/oauth/token', codeFlow.fields)).error, 'invalid_grant');
      assert.deepEqual(await t.verifyToken('sandbox', codeFlow.tokens.access_token), { ok: false, reason: 'revoked' });
      const refreshFlow = await exchange('openid launch/patient offline_access patient/Coverage.rs');
      const refresh = { grant_type: 'refresh_token', refresh_token: refreshFlow.tokens.refresh_token, client_id: client.clientId };
      assert.equal((await form(t.app, '/sandbox/oauth/token', refresh)).statusCode, 200);
      assert.equal(json(await form(t.app, '/sandbox/oauth/token', refresh)).error, 'invalid_grant');
      assert.equal(json(await form(t.app, '/sandbox/oauth/token', { ...refresh, refresh_token: 'z'.repeat(43) })).error, 'invalid_grant');
      await t.audit.flush();

      const events = await t.store.sql.all<Record<string, unknown>>('SELECT kind, action, outcome, detail, grant_id, member FROM audit_event ORDER BY event_id');
      const reuse = events.filter((e) => e.action === 'revocation:reuse-detected');
      assert.deepEqual(reuse.map((e) => [e.kind, e.outcome, e.detail]), [
        ['revocation', 'success', 'authorization code used again'],
        ['revocation', 'success', 'rotated refresh token used again'],
      ]);
      // Each names the grant its successful exchange was recorded with (and so its member and patient).
      const issued = events.filter((e) => e.action === 'token:authorization_code' && e.outcome === 'success');
      assert.deepEqual(reuse.map((e) => e.grant_id), issued.map((e) => e.grant_id));
      assert.ok(issued.every((e) => typeof e.grant_id === 'string' && typeof e.member === 'string'));
      const failures = events.filter((e) => e.kind === 'token' && e.outcome === 'failure:invalid_grant').map((e) => [e.action, e.detail]);
      assert.deepEqual(failures, [
        ['token:authorization_code', 'authorization code used again'],
        ['token:refresh_token', 'rotated refresh token used again'],
        ['token:refresh_token', null],
      ]);
    });
  });
});
