/** Refresh rotation and reuse, grant expiry, revocation, introspection, client_credentials, narrower consent. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp } from '../test-app.js';
import { MEMBER, REDIRECT, authorize, exchange, form, pkce } from './test-oauth.js';

describe('oauth tokens', () => {
  forEachDialect('oauth tokens', (open) => {
    const setup = async () => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      const { client, clientSecret } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code', 'refresh_token', 'client_credentials'] });
      const basic: [string, string] = [client.clientId, clientSecret!];
      const tokens = async (scope = 'openid fhirUser launch/patient offline_access patient/*.rs', untick: string[] = []) => {
        const { verifier, challenge } = pkce();
        const back = await authorize(t, { clientId: client.clientId, scope, challenge, untick, patient: 'pat-leo' });
        const res = await exchange(t.app, '/sandbox', back.searchParams.get('code')!, verifier, { basic });
        assert.equal(res.statusCode, 200, res.body);
        return json(res) as Record<string, string | number>;
      };
      return { t, basic, tokens };
    };

    it('rotates refresh tokens on use; reusing an old one revokes the grant', async () => {
      const { t, basic, tokens } = await setup();
      const first = await tokens();
      assert.equal(first.patient, 'pat-leo');
      const r1 = await form(t.app, '/sandbox/oauth/token', { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, basic);
      assert.equal(r1.statusCode, 200, r1.body);
      const second = json(r1);
      assert.notEqual(second.refresh_token, first.refresh_token);
      assert.equal(second.patient, 'pat-leo');
      assert.equal(second.grant_expires_at, first.grant_expires_at);
      assert.equal(r1.headers.pragma, 'no-cache');
      assert.ok((await t.verifyToken('sandbox', second.access_token)).ok);
      const reuse = await form(t.app, '/sandbox/oauth/token', { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, basic);
      assert.equal(json(reuse).error, 'invalid_grant');
      assert.equal((await t.verifyToken('sandbox', second.access_token)).ok, false, 'the grant is revoked');
      const after = await form(t.app, '/sandbox/oauth/token', { grant_type: 'refresh_token', refresh_token: second.refresh_token }, basic);
      assert.equal(json(after).error, 'invalid_grant');
    });

    it('refresh stops when the grant has expired', async () => {
      const { t, basic, tokens } = await setup();
      const first = await tokens();
      const check = await t.verifyToken('sandbox', String(first.access_token));
      assert.ok(check.ok);
      const row = await t.store.auth.payloads.find('sandbox', 'Grant', check.grant.grantId!);
      const payload = { ...JSON.parse(row!.payload), exp: Math.floor(Date.now() / 1000) - 10 };
      await t.store.auth.payloads.upsert('sandbox', 'Grant', check.grant.grantId!, { payload: JSON.stringify(payload) });
      const res = await form(t.app, '/sandbox/oauth/token', { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, basic);
      assert.equal(res.statusCode, 400);
      assert.equal(json(res).error, 'invalid_grant');
    });

    it('the member may grant less than asked; no offline_access, no refresh token', async () => {
      const { t, tokens } = await setup();
      const body = await tokens('openid launch/patient patient/Coverage.rs patient/ExplanationOfBenefit.read patient/Observation.rs?category=laboratory', ['coverage']);
      assert.deepEqual(String(body.scope).split(' ').sort(), ['launch/patient', 'openid', 'patient/ExplanationOfBenefit.read', 'patient/Observation.rs?category=laboratory']);
      assert.equal(body.refresh_token, undefined);
      const check = await t.verifyToken('sandbox', String(body.access_token));
      assert.ok(check.ok);
      assert.deepEqual([...check.grant.scopes].sort(), ['patient/ExplanationOfBenefit.read', 'patient/Observation.rs?category=laboratory']);
    });

    it('a wildcard is granted as asked when everything is kept, split by type once a category is unticked; both are enforced', async () => {
      const { t, tokens } = await setup();
      const fhir = (token: unknown, path: string) => t.app.inject({ url: `/sandbox/fhir/R4/${path}`, headers: { authorization: `Bearer ${String(token)}` } });
      const whole = await tokens('openid launch/patient patient/*.read');
      assert.equal(whole.scope, 'openid launch/patient patient/*.read');
      for (const path of ['Coverage', 'ExplanationOfBenefit', 'Account']) assert.equal((await fhir(whole.access_token, path)).statusCode, 200, path);
      const narrowed = String((await tokens('openid launch/patient patient/*.rs', ['claims'])).scope).split(' ');
      assert.ok(!narrowed.includes('patient/*.rs') && !narrowed.includes('patient/ExplanationOfBenefit.rs'));
      // "Other records" stayed ticked: the protected types no category names, one by one.
      for (const s of ['patient/Coverage.rs', 'patient/Patient.rs', 'patient/Account.rs']) assert.ok(narrowed.includes(s), s);
      const narrowedToken = (await tokens('openid launch/patient patient/*.rs', ['claims'])).access_token;
      assert.equal((await fhir(narrowedToken, 'ExplanationOfBenefit')).statusCode, 403);
      assert.equal((await fhir(narrowedToken, 'Coverage')).statusCode, 200);
    });

    it('revokes an access token; introspection says inactive, exactly {"active":false} for unknown tokens', async () => {
      const { t, basic, tokens } = await setup();
      const body = await tokens();
      const active = await form(t.app, '/sandbox/oauth/introspect', { token: String(body.access_token) }, basic);
      assert.equal(json(active).active, true);
      assert.equal(json(active).patient, 'pat-leo');
      const unknown = await form(t.app, '/sandbox/oauth/introspect', { token: 'no-such-token' }, basic);
      assert.equal(unknown.statusCode, 200);
      assert.equal(unknown.body, '{"active":false}');
      const revoke = await form(t.app, '/sandbox/oauth/revoke', { token: String(body.access_token) }, basic);
      assert.equal(revoke.statusCode, 200);
      assert.deepEqual(await t.verifyToken('sandbox', String(body.access_token)), { ok: false, reason: 'revoked' });
      assert.equal((await form(t.app, '/sandbox/oauth/introspect', { token: String(body.access_token) }, basic)).body, '{"active":false}');
      const noAuth = await form(t.app, '/sandbox/oauth/introspect', { token: 'x' });
      assert.equal(noAuth.statusCode, 400);
    });

    it('client_credentials grants system/ read scopes on public types only', async () => {
      const { t, basic } = await setup();
      const res = await form(t.app, '/sandbox/oauth/token', { grant_type: 'client_credentials', scope: 'system/Practitioner.rs system/InsurancePlan.read system/Patient.rs system/*.rs' }, basic);
      assert.equal(res.statusCode, 200, res.body);
      const body = json(res);
      assert.equal(body.scope, 'system/Practitioner.rs system/InsurancePlan.read');
      assert.equal(body.refresh_token, undefined);
      assert.equal(res.headers.pragma, 'no-cache');
      const check = await t.verifyToken('sandbox', body.access_token);
      assert.ok(check.ok);
      assert.deepEqual(check.grant.scopes, ['system/Practitioner.rs', 'system/InsurancePlan.read']);
      assert.equal(check.grant.patient, undefined);
      const publicClient = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const refused = await form(t.app, '/sandbox/oauth/token', { grant_type: 'client_credentials', client_id: publicClient.client.clientId, scope: 'system/Practitioner.rs' });
      assert.equal(refused.statusCode, 400);
      assert.ok(['invalid_request', 'unauthorized_client'].includes(json(refused).error), refused.body);
    });

    it('answers malformed token requests with OAuth errors, never 500', async () => {
      const { t, basic } = await setup();
      for (const fields of [{}, { grant_type: 'password', username: 'a', password: 'b' }, { grant_type: 'authorization_code' }, { grant_type: 'refresh_token', refresh_token: '' }, { grant_type: 'authorization_code', code: 'x'.repeat(5000), redirect_uri: REDIRECT, code_verifier: 'y' }]) {
        const res = await form(t.app, '/sandbox/oauth/token', fields as Record<string, string>, basic);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${JSON.stringify(fields).slice(0, 80)} → ${res.statusCode}`);
        assert.equal(typeof json(res).error, 'string');
      }
      const junk = await t.app.inject({ method: 'POST', url: '/sandbox/oauth/token', headers: { 'content-type': 'application/json' }, payload: '{"not": json' });
      assert.ok(junk.statusCode >= 400 && junk.statusCode < 500, String(junk.statusCode));
      assert.deepEqual(await t.verifyToken('sandbox', undefined), { ok: false, reason: 'missing' });
      assert.deepEqual(await t.verifyToken('sandbox', 'a b'), { ok: false, reason: 'invalid' });
    });
  });
});
