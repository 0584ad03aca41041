/** The authorization code flow with PKCE, end to end through the Fastify app, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp } from '../test-app.js';
import { CookieJar, MEMBER, REDIRECT, authorize, form, pkce } from './test-oauth.js';

describe('oauth flow', () => {
  forEachDialect('oauth flow', (open) => {
    it('public client: code + PKCE → tokens with patient, fhirUser, merged scope, grant expiry', async () => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      const { client } = await t.clients.create('sandbox', { client_name: 'Test App', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const { verifier, challenge } = pkce();
      const back = await authorize(t, { clientId: client.clientId, scope: 'openid fhirUser launch/patient offline_access patient/*.rs', challenge });
      assert.equal(back.searchParams.get('state'), 'st-1');
      const code = back.searchParams.get('code');
      assert.ok(code, back.href);
      const res = await form(t.app, '/sandbox/oauth/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: client.clientId });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers.pragma, 'no-cache');
      const body = json(res);
      assert.equal(body.token_type, 'Bearer');
      assert.equal(body.patient, 'pat-maria');
      // Everything kept: the wildcard is granted as asked (decision 0018).
      const granted = body.scope.split(' ');
      assert.deepEqual([...granted].sort(), ['fhirUser', 'launch/patient', 'offline_access', 'openid', 'patient/*.rs']);
      assert.ok(body.refresh_token);
      assert.ok(body.grant_expires_at > Date.now() / 1000 + 395 * 86400);
      const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString());
      assert.equal(claims.fhirUser, 'Patient/pat-maria');
      const check = await t.app.inject({ method: 'GET', url: '/sandbox/fhir/R4/metadata' });
      assert.equal(check.statusCode, 200);
      const verified = await t.verifyToken('sandbox', body.access_token);
      assert.ok(verified.ok);
      assert.equal(verified.grant.patient, 'pat-maria');
      assert.deepEqual(verified.grant.scopes, granted.filter((s: string) => s.startsWith('patient/')));
    });

    it('accepts the authorization request by POST (SMART authorize-post) when PUBLIC_URL is https', async () => {
      const t = await openTestApp(open, { PUBLIC_URL: 'https://payer.test' });
      const discovery = json(await t.app.inject({ url: '/sandbox/fhir/R4/.well-known/smart-configuration' }));
      assert.ok(discovery.capabilities.includes('authorize-post'));
      const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const res = await form(t.app, '/sandbox/oauth/authorize', {
        response_type: 'code', client_id: client.clientId, redirect_uri: REDIRECT, scope: 'openid launch/patient patient/*.rs', state: 's',
        aud: 'https://payer.test/sandbox/fhir/R4', code_challenge: pkce().challenge, code_challenge_method: 'S256',
      });
      assert.equal(res.statusCode, 303, res.body);
      assert.match(String(res.headers.location), /^\/sandbox\/interaction\/[\w-]+$/);
      const cookies = [res.headers['set-cookie']].flat().map(String);
      assert.ok(cookies.some((c) => /^sandbox_interaction=/.test(c) && /path=\/sandbox\/interaction\//i.test(c) && /secure/i.test(c)), cookies.join('\n'));
      const page = await t.app.inject({ method: 'GET', url: String(res.headers.location), headers: { cookie: cookies.map((c) => c.split(';')[0]).join('; ') } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="password"/);
    });

    it('over plain http: no authorize-post, and the session cookie is SameSite=Lax (browsers drop None without Secure)', async () => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      const { client } = await t.clients.create('sandbox', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const post = await form(t.app, '/sandbox/oauth/authorize', { response_type: 'code', client_id: client.clientId });
      assert.ok(post.statusCode >= 400 && post.statusCode < 500, String(post.statusCode));
      const jar = new CookieJar();
      const seen: string[] = [];
      const take = jar.take.bind(jar);
      jar.take = (setCookie) => { seen.push(...[setCookie ?? []].flat()); take(setCookie); };
      const back = await authorize(t, { clientId: client.clientId, scope: 'openid launch/patient patient/Coverage.rs', challenge: pkce().challenge, jar });
      assert.ok(back.searchParams.get('code'));
      const session = seen.find((c) => c.startsWith('sandbox_session='));
      assert.match(String(session), /samesite=lax/i);
    });
  });
});
