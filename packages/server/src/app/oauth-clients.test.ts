/** Client authentication (public, secret basic/post, private_key_jwt RS384/ES384) and the flow's refusals. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp } from '../test-app.js';
import { MEMBER, REDIRECT, authorize, clientAssertion, exchange, form, pkce } from './test-oauth.js';

const SCOPE = 'openid fhirUser launch/patient patient/ExplanationOfBenefit.read patient/Coverage.rs';

describe('oauth clients', () => {
  forEachDialect('oauth clients', (open) => {
    const setup = async () => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      await t.members.create('production', MEMBER);
      const code = async (clientId: string, env: 'sandbox' | 'production' = 'sandbox') => {
        const { verifier, challenge } = pkce();
        const back = await authorize(t, { clientId, scope: SCOPE, challenge, env });
        return { code: back.searchParams.get('code')!, verifier, back };
      };
      return { t, code };
    };

    it('client_secret_basic and client_secret_post; a wrong secret is invalid_client', async () => {
      const { t, code } = await setup();
      const basic = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic' });
      const post = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post' });
      assert.ok(basic.clientSecret && post.clientSecret);
      const b = await code(basic.client.clientId);
      const ok = await exchange(t.app, '/sandbox', b.code, b.verifier, { basic: [basic.client.clientId, basic.clientSecret] });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(json(ok).patient, 'pat-maria');
      const p = await code(post.client.clientId);
      const wrong = await exchange(t.app, '/sandbox', p.code, p.verifier, { form: { client_id: post.client.clientId, client_secret: 'not-the-secret' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(json(wrong).error, 'invalid_client');
      const right = await exchange(t.app, '/sandbox', (await code(post.client.clientId)).code, undefined, { form: { client_id: post.client.clientId, client_secret: post.clientSecret } });
      assert.equal(json(right).error, 'invalid_grant', 'missing code_verifier');
    });

    for (const [alg, kind, options] of [['RS384', 'rsa', { modulusLength: 2048 }], ['ES384', 'ec', { namedCurve: 'P-384' }]] as const) {
      it(`private_key_jwt with ${alg}`, async () => {
        const { t, code } = await setup();
        const { privateKey, publicKey } = generateKeyPairSync(kind as 'rsa', options as { modulusLength: number });
        const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg };
        const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
        const c = await code(client.clientId);
        const res = await exchange(t.app, '/sandbox', c.code, c.verifier, { form: clientAssertion(privateKey, alg, 'k1', client.clientId, 'http://payer.test/sandbox/oauth/token') });
        assert.equal(res.statusCode, 200, res.body);
        assert.ok(json(res).access_token);
        const other = generateKeyPairSync(kind as 'rsa', options as { modulusLength: number }).privateKey;
        const forged = await exchange(t.app, '/sandbox', (await code(client.clientId)).code, c.verifier, { form: clientAssertion(other, alg, 'k1', client.clientId, 'http://payer.test/sandbox/oauth/token') });
        assert.equal(json(forged).error, 'invalid_client');
      });
    }

    it('refuses missing, empty and wrong code_verifiers, and the plain method', async () => {
      const { t, code } = await setup();
      const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const id = { form: { client_id: client.clientId } };
      for (const verifier of [undefined, '', 'x'.repeat(43), pkce().verifier]) {
        const c = await code(client.clientId);
        const res = await exchange(t.app, '/sandbox', c.code, verifier, id);
        assert.equal(res.statusCode, 400, String(verifier));
        assert.ok(['invalid_grant', 'invalid_request'].includes(json(res).error), res.body);
      }
      const plain = await t.app.inject({ method: 'GET', url: `/sandbox/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: REDIRECT, scope: SCOPE, aud: 'http://payer.test/sandbox/fhir/R4', code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' })}` });
      const location = new URL(plain.headers.location as string);
      assert.equal(location.searchParams.get('error'), 'invalid_request');
      const none = await t.app.inject({ method: 'GET', url: `/sandbox/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: REDIRECT, scope: SCOPE, aud: 'http://payer.test/sandbox/fhir/R4' })}` });
      assert.equal(new URL(none.headers.location as string).searchParams.get('error'), 'invalid_request', 'PKCE is required');
    });

    it('a reused code fails and revokes what the first exchange produced', async () => {
      const { t, code } = await setup();
      const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const c = await code(client.clientId);
      const first = await exchange(t.app, '/sandbox', c.code, c.verifier, { form: { client_id: client.clientId } });
      const token = json(first).access_token as string;
      assert.ok((await t.verifyToken('sandbox', token)).ok);
      const again = await exchange(t.app, '/sandbox', c.code, c.verifier, { form: { client_id: client.clientId } });
      assert.equal(again.statusCode, 400);
      assert.equal(json(again).error, 'invalid_grant');
      assert.equal((await t.verifyToken('sandbox', token)).ok, false);
    });

    it('refuses an unregistered redirect_uri (no redirect), a wrong aud (redirected error), a disabled client', async () => {
      const { t, code } = await setup();
      const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const base = { response_type: 'code', client_id: client.clientId, scope: SCOPE, code_challenge: pkce().challenge, code_challenge_method: 'S256' };
      const evil = await t.app.inject({ method: 'GET', url: `/sandbox/oauth/authorize?${new URLSearchParams({ ...base, redirect_uri: 'https://evil.example/cb', aud: 'http://payer.test/sandbox/fhir/R4' })}` });
      assert.equal(evil.statusCode, 400);
      assert.equal(evil.headers.location, undefined);
      assert.match(evil.body, /redirect_uri/);
      for (const aud of ['http://payer.test/fhir/R4', 'https://other.example/fhir']) {
        const res = await t.app.inject({ method: 'GET', url: `/sandbox/oauth/authorize?${new URLSearchParams({ ...base, redirect_uri: REDIRECT, aud })}` });
        const back = new URL(res.headers.location as string);
        assert.equal(back.origin + back.pathname, REDIRECT);
        assert.equal(back.searchParams.get('error'), 'invalid_request');
        assert.match(back.searchParams.get('error_description')!, /aud/);
      }
      const c = await code(client.clientId);
      await t.clients.setDisabled('sandbox', client.clientId, true);
      const res = await exchange(t.app, '/sandbox', c.code, c.verifier, { form: { client_id: client.clientId } });
      assert.equal(json(res).error, 'invalid_client');
      const page = await t.app.inject({ method: 'GET', url: `/sandbox/oauth/authorize?${new URLSearchParams({ ...base, redirect_uri: REDIRECT, aud: 'http://payer.test/sandbox/fhir/R4' })}` });
      assert.equal(page.statusCode, 400);
    });

    it('a sandbox client does not exist in production, and the reverse', async () => {
      const { t, code } = await setup();
      const sandbox = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic' });
      const production = await t.clients.create('production', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic' });
      const base = { response_type: 'code', scope: SCOPE, redirect_uri: REDIRECT, code_challenge: pkce().challenge, code_challenge_method: 'S256' };
      const inProd = await t.app.inject({ method: 'GET', url: `/oauth/authorize?${new URLSearchParams({ ...base, client_id: sandbox.client.clientId, aud: 'http://payer.test/fhir/R4' })}` });
      assert.equal(inProd.statusCode, 400);
      assert.match(inProd.body, /invalid_client/);
      const cc = await form(t.app, '/oauth/token', { grant_type: 'client_credentials', scope: 'system/Practitioner.rs' }, [sandbox.client.clientId, sandbox.clientSecret!]);
      assert.equal(json(cc).error, 'invalid_client');
      const p = await code(production.client.clientId, 'production');
      const inSandbox = await exchange(t.app, '/sandbox', p.code, p.verifier, { basic: [production.client.clientId, production.clientSecret!] });
      assert.equal(json(inSandbox).error, 'invalid_client');
      const ok = await exchange(t.app, '', p.code, p.verifier, { basic: [production.client.clientId, production.clientSecret!] });
      assert.equal(ok.statusCode, 200, ok.body);
      const token = json(ok).access_token as string;
      assert.ok((await t.verifyToken('production', token)).ok);
      assert.deepEqual(await t.verifyToken('sandbox', token), { ok: false, reason: 'wrong-environment' });
    });
  });
});
