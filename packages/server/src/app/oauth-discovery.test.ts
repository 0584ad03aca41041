/** SMART and OpenID discovery, JWKS, the CapabilityStatement's security, dynamic registration, the admin client API. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, json, openTestApp, type TestApp } from '../test-app.js';
import { REDIRECT } from './test-oauth.js';

describe('oauth discovery', () => {
  forEachDialect('oauth discovery', (open) => {
    let t: TestApp;
    before(async () => { t = await openTestApp(open); });
    after(() => t.app.close());

    it('serves smart-configuration per environment, with CORS', async () => {
      for (const [prefix, registration] of [['/sandbox', true], ['', false]] as const) {
        const res = await t.app.inject({ method: 'GET', url: `${prefix}/fhir/R4/.well-known/smart-configuration`, headers: { origin: 'https://app.example' } });
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        assert.equal(res.headers['access-control-allow-origin'], '*');
        const c = json(res);
        const issuer = `http://payer.test${prefix}/oauth`;
        assert.equal(c.issuer, issuer);
        assert.equal(c.authorization_endpoint, `${issuer}/authorize`);
        assert.equal(c.token_endpoint, `${issuer}/token`);
        assert.equal(c.jwks_uri, `${issuer}/jwks`);
        assert.equal(c.introspection_endpoint, `${issuer}/introspect`);
        assert.equal(c.revocation_endpoint, `${issuer}/revoke`);
        assert.equal(c.registration_endpoint, registration ? `${issuer}/register` : undefined);
        assert.deepEqual(c.code_challenge_methods_supported, ['S256']);
        assert.deepEqual(c.response_types_supported, ['code']);
        assert.deepEqual(c.grant_types_supported, ['authorization_code', 'refresh_token', 'client_credentials']);
        assert.deepEqual(c.token_endpoint_auth_methods_supported, ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt']);
        for (const alg of ['RS384', 'ES384']) assert.ok(c.token_endpoint_auth_signing_alg_values_supported.includes(alg));
        for (const cap of ['launch-standalone', 'client-public', 'client-confidential-symmetric', 'client-confidential-asymmetric', 'context-standalone-patient',
          'permission-patient', 'permission-user', 'permission-offline', 'permission-v1', 'permission-v2', 'sso-openid-connect']) {
          assert.ok(c.capabilities.includes(cap), cap);
        }
        assert.ok(!c.capabilities.includes('authorize-post'), 'only over https (oauth-flow.test.ts)');
        for (const scope of ['openid', 'fhirUser', 'launch/patient', 'offline_access', 'patient/*.rs']) assert.ok(c.scopes_supported.includes(scope), scope);
      }
    });

    it('serves openid-configuration and an RS256 JWKS of public keys; the two environments have different keys', async () => {
      const oidc = json(await t.app.inject({ method: 'GET', url: '/sandbox/oauth/.well-known/openid-configuration' }));
      assert.equal(oidc.issuer, 'http://payer.test/sandbox/oauth');
      assert.equal(oidc.token_endpoint, 'http://payer.test/sandbox/oauth/token');
      const sandbox = json(await t.app.inject({ method: 'GET', url: '/sandbox/oauth/jwks' }));
      const production = json(await t.app.inject({ method: 'GET', url: '/oauth/jwks' }));
      assert.equal(sandbox.keys[0].kty, 'RSA');
      assert.equal(sandbox.keys[0].alg, 'RS256');
      assert.equal(sandbox.keys[0].d, undefined, 'no private parts');
      assert.notEqual(sandbox.keys[0].kid, production.keys[0].kid);
    });

    it('declares SMART-on-FHIR security with the oauth-uris in the CapabilityStatement', async () => {
      const cs = json(await t.app.inject({ method: 'GET', url: '/sandbox/fhir/R4/metadata' }));
      const security = cs.rest[0].security;
      assert.equal(security.service[0].coding[0].system, 'http://terminology.hl7.org/CodeSystem/restful-security-service');
      assert.equal(security.service[0].coding[0].code, 'SMART-on-FHIR');
      const uris = security.extension.find((e: { url: string }) => e.url === 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris');
      const byName = Object.fromEntries(uris.extension.map((e: { url: string; valueUri: string }) => [e.url, e.valueUri]));
      assert.equal(byName.authorize, 'http://payer.test/sandbox/oauth/authorize');
      assert.equal(byName.token, 'http://payer.test/sandbox/oauth/token');
      assert.equal(byName.register, 'http://payer.test/sandbox/oauth/register');
    });

    it('dynamic registration: on in the sandbox (secret hashed at rest), off in production', async () => {
      const metadata = { client_name: 'Dyn', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic' };
      const res = await t.app.inject({ method: 'POST', url: '/sandbox/oauth/register', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(metadata) });
      assert.equal(res.statusCode, 201, res.body);
      const body = json(res);
      assert.ok(body.client_id && body.client_secret);
      assert.ok(body.grant_types.includes('refresh_token'));
      const stored = await t.store.auth.clients.find('sandbox', body.client_id);
      assert.match(stored!.secretHash!, /^scrypt\$/);
      assert.ok(!stored!.metadata.includes(body.client_secret));
      const cc = await t.app.inject({ method: 'POST', url: '/sandbox/oauth/introspect', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${body.client_id}:${body.client_secret}`).toString('base64')}` }, payload: 'token=x' });
      assert.equal(cc.body, '{"active":false}', 'the issued secret authenticates');
      const http = await t.app.inject({ method: 'POST', url: '/sandbox/oauth/register', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...metadata, redirect_uris: ['http://app.example/cb'] }) });
      assert.equal(http.statusCode, 400);
      assert.equal(json(http).error, 'invalid_redirect_uri');
      const prod = await t.app.inject({ method: 'POST', url: '/oauth/register', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(metadata) });
      assert.equal(prod.statusCode, 404);
    });

    it('admin client API: create (secret once), list, update, rotate, disable; guarded by the admin token', async () => {
      const url = '/api/admin/sandbox/clients';
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode, 403);
      const headers = { ...ADMIN, 'content-type': 'application/json' };
      const bad = await t.app.inject({ method: 'POST', url, headers, payload: JSON.stringify({ redirect_uris: ['http://evil.example/cb'], colour: 'red' }) });
      assert.equal(bad.statusCode, 400);
      assert.equal(json(bad).problems.length, 2);
      const created = await t.app.inject({ method: 'POST', url, headers, payload: JSON.stringify({ client_name: 'Admin App', redirect_uris: [REDIRECT, 'http://127.0.0.1:8765/cb'] }) });
      assert.equal(created.statusCode, 201, created.body);
      const { client, clientSecret } = json(created);
      assert.ok(clientSecret);
      const listed = json(await t.app.inject({ method: 'GET', url, headers: ADMIN }));
      assert.ok(listed.clients.some((c: { clientId: string }) => c.clientId === client.clientId));
      assert.ok(!JSON.stringify(listed).includes(clientSecret));
      const rotated = json(await t.app.inject({ method: 'POST', url: `${url}/${client.clientId}/rotate-secret`, headers: ADMIN }));
      assert.ok(rotated.clientSecret && rotated.clientSecret !== clientSecret);
      const updated = await t.app.inject({ method: 'PUT', url: `${url}/${client.clientId}`, headers, payload: JSON.stringify({ client_name: 'Renamed', redirect_uris: [REDIRECT] }) });
      assert.equal(json(updated).client.metadata.client_name, 'Renamed');
      assert.equal(json(updated).clientSecret, undefined);
      const disabled = json(await t.app.inject({ method: 'POST', url: `${url}/${client.clientId}/disable`, headers: ADMIN }));
      assert.equal(disabled.client.disabled, true);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/admin/production/clients/${client.clientId}`, headers: ADMIN })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/staging/clients', headers: ADMIN })).statusCode, 404);
    });
  });
});
