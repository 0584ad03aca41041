/**
 * The member pages of an authorization through inject(): sign-in errors and lockout, CSRF,
 * the patient picker refusing forged ids, consent showing the app and its attestation, Deny,
 * language, and the page headers — on every dialect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PAGE_HEADERS } from '@payerport/auth';
import { forEachDialect } from '@payerport/store/testing';
import { openTestApp, type TestApp } from '../test-app.js';
import { CookieJar, MEMBER, REDIRECT, authorize, formOf, get, pathOf, pkce, post } from './test-oauth.js';

const SCOPE = 'openid fhirUser launch/patient offline_access patient/*.rs';

/** Starts an authorization and returns the jar and the first interaction page. */
async function start(t: TestApp, clientId: string, headers: Record<string, string> = {}) {
  const jar = new CookieJar();
  const params = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope: SCOPE, state: 'st-9',
    aud: 'http://payer.test/sandbox/fhir/R4', code_challenge: pkce().challenge, code_challenge_method: 'S256',
  });
  const first = await get(t.app, jar, `/sandbox/oauth/authorize?${params}`);
  const path = pathOf(new URL(String(first.headers.location), 'http://payer.test').href);
  const page = await t.app.inject({ method: 'GET', url: path, headers: { cookie: jar.header(), ...headers } });
  jar.take(page.headers['set-cookie']);
  return { jar, path, page };
}

/** Follows redirects inside the server until a page (or the app's redirect URI) is reached. */
async function follow(t: TestApp, jar: CookieJar, res: Awaited<ReturnType<typeof get>>) {
  while (res.statusCode === 303 && !String(res.headers.location).startsWith(REDIRECT)) {
    res = await get(t.app, jar, pathOf(new URL(String(res.headers.location), 'http://payer.test').href));
  }
  return res;
}

describe('member pages of an authorization', () => {
  forEachDialect('member pages', (open) => {
    const setup = async (metadata: Record<string, unknown> = {}) => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      const { client } = await t.clients.create('sandbox', { client_name: 'Health <Pal>', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', ...metadata });
      return { t, clientId: client.clientId };
    };

    it('sign-in: page headers, CSRF required, one message for wrong credentials, then the lock with its time', async () => {
      const { t, clientId } = await setup();
      const { jar, page } = await start(t, clientId);
      assert.equal(page.statusCode, 200);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) assert.equal(page.headers[name], value, name);
      assert.match(page.body, /Health &lt;Pal&gt; wants to connect/);
      const { action, hidden } = formOf(page.body);
      const noToken = await post(t.app, jar, action, [['username', MEMBER.username], ['password', MEMBER.password]]);
      assert.equal(noToken.statusCode, 403);
      const forged = await post(t.app, jar, action, [['csrf', `${hidden[0]![1].slice(0, -2)}AA`], ['username', MEMBER.username], ['password', MEMBER.password]]);
      assert.equal(forged.statusCode, 403);
      for (const username of ['nobody', MEMBER.username]) {
        const wrong = await post(t.app, jar, action, [...hidden, ['username', username], ['password', 'not the password']]);
        assert.equal(wrong.statusCode, 401);
        assert.match(wrong.body, /The username or password is not right/);
        assert.match(wrong.body, new RegExp(`value="${username}"`), 'the username is kept');
      }
      let last;
      for (let i = 0; i < 4; i++) last = await post(t.app, jar, action, [...hidden, ['username', MEMBER.username], ['password', 'still wrong']]);
      assert.match(last!.body, /Your account is locked .* Try again after .*UTC/);
      const right = await post(t.app, jar, action, [...hidden, ['username', MEMBER.username], ['password', MEMBER.password]]);
      assert.equal(right.statusCode, 401, 'locked even with the right password');
    });

    it('picker: offered for a parent; a forged patient id is refused, in the post and in the consent URL', async () => {
      const { t, clientId } = await setup();
      const { jar, page } = await start(t, clientId);
      const signIn = formOf(page.body);
      const picker = await follow(t, jar, await post(t.app, jar, signIn.action, [...signIn.hidden, ['username', MEMBER.username], ['password', MEMBER.password]]));
      assert.equal(picker.statusCode, 200);
      assert.match(picker.body, /Leo Lopez[\s\S]*You are their parent/);
      const { action, hidden } = formOf(picker.body);
      assert.match(action, /\/patient$/);
      assert.equal((await post(t.app, jar, action, [...hidden, ['patient', 'pat-someone-else']])).statusCode, 400);
      const consentUrl = action.replace(/\/patient$/, '?patient=pat-someone-else');
      const refused = await get(t.app, jar, consentUrl);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Whose records/);
      const chosen = await follow(t, jar, await post(t.app, jar, action, [...hidden, ['patient', 'pat-leo']]));
      assert.equal(chosen.statusCode, 200);
      assert.match(chosen.body, /information that your health plan has about Leo Lopez/);
      const consent = formOf(chosen.body);
      const forgedPost = await post(t.app, jar, consent.action.replace('pat-leo', 'pat-someone-else'), [...consent.hidden, ['category', 'claims'], ['decision', 'allow']]);
      assert.equal(forgedPost.statusCode, 400);
    });

    it('consent: the app, its links and attestation, categories ticked; Deny sends access_denied to the app', async () => {
      const { t, clientId } = await setup({ policy_uri: 'https://pal.example/privacy', logo_uri: 'https://pal.example/logo.png', payerport_privacy_policy_attested: true });
      const { challenge } = pkce();
      const jar = new CookieJar();
      const back = await authorize(t, { clientId, scope: SCOPE, challenge, patient: 'pat-maria', deny: true, jar });
      assert.equal(back.searchParams.get('error'), 'access_denied');
      assert.equal(back.searchParams.get('state'), 'st-1');
      assert.equal(back.searchParams.get('code'), null);
      // The consent page itself, in the same browser (already signed in: straight to the picker).
      const { jar: jar2, page } = await start(t, clientId);
      const signIn = formOf(page.body);
      const picker = await follow(t, jar2, await post(t.app, jar2, signIn.action, [...signIn.hidden, ['username', MEMBER.username], ['password', MEMBER.password]]));
      const pick = formOf(picker.body);
      const consent = await follow(t, jar2, await post(t.app, jar2, pick.action, [...pick.hidden, ['patient', 'pat-maria']]));
      assert.match(consent.body, /href="https:\/\/pal.example\/privacy"/);
      assert.ok(!consent.body.includes('Terms of service'), 'no terms link was registered');
      assert.match(consent.body, /src="https:\/\/pal.example\/logo.png"/);
      assert.match(consent.body, /developer told us the app has a privacy policy/);
      const boxes = [...consent.body.matchAll(/name="category" value="([^"]+)"[^>]* checked/g)].map((m) => m[1]);
      assert.deepEqual(boxes, ['claims', 'coverage', 'clinical', 'demographics', 'providers', 'other', 'offline']);
    });

    it('an app without an attestation is still allowed, and the member is told', async () => {
      const { t, clientId } = await setup();
      const { challenge } = pkce();
      const back = await authorize(t, { clientId, scope: SCOPE, challenge });
      assert.ok(back.searchParams.get('code'));
      const row = await t.clients.get('sandbox', clientId);
      assert.equal(row.metadata.payerport_privacy_policy_attested, undefined);
      await assert.rejects(t.clients.create('sandbox', { redirect_uris: [REDIRECT], tos_uri: 'javascript:alert(1)' }), /tos_uri must be an http\(s\) URL/);
      await assert.rejects(t.clients.create('sandbox', { redirect_uris: [REDIRECT], payerport_privacy_policy_attested: 'yes' }), /must be true or false/);
    });

    it('Spanish from Accept-Language; ?lang switches and is remembered across the provider redirects', async () => {
      const { t, clientId } = await setup();
      const es = await start(t, clientId, { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
      assert.match(es.page.body, /<html lang="es">/);
      assert.match(es.page.body, /Iniciar sesión|Inicie sesión/);
      const switched = await get(t.app, es.jar, `${es.path}?lang=en`);
      assert.match(switched.body, /<html lang="en">/);
      const signIn = formOf(switched.body);
      assert.deepEqual(signIn.hidden[1], ['lang', 'en']);
      const next = await follow(t, es.jar, await post(t.app, es.jar, signIn.action, [...signIn.hidden, ['username', MEMBER.username], ['password', MEMBER.password]]));
      assert.match(next.body, /<html lang="en">/, 'the switch is remembered although the browser prefers Spanish');
    });
  });
});
