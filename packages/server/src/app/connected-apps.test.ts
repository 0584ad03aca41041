/**
 * Connected apps through inject(): a member signs in to their account pages (a session of its
 * own), sees the grant an app holds, and revokes it — the app's access token then fails at the
 * FHIR API with 401 and its refresh token with invalid_grant. On every dialect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PAGE_HEADERS } from '@payerport/auth';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp, type TestApp } from '../test-app.js';
import { CookieJar, MEMBER, REDIRECT, authorize, exchange, form, formOf, get, pkce, post } from './test-oauth.js';

const OTHER = { ...MEMBER, username: 'ben', password: 'another long password', displayName: 'Ben Other', patients: [{ patientId: 'pat-ben', display: 'Ben Other', relationship: 'self' as const }] };
const APPS = '/sandbox/account/apps';

/** Signs in to the account pages; returns the jar holding the session. */
async function signIn(t: TestApp, who: { username: string; password: string }): Promise<CookieJar> {
  const jar = new CookieJar();
  const page = await get(t.app, jar, APPS);
  const { action, hidden } = formOf(page.body);
  const res = await post(t.app, jar, action, [...hidden, ['username', who.username], ['password', who.password]]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  assert.equal(res.headers.location, `${APPS}?lang=en`);
  return jar;
}

describe('connected apps', () => {
  forEachDialect('connected apps', (open) => {
    it('lists the grant with what it shares and its last use; revoking ends its tokens at once', async () => {
      const t = await openTestApp(open);
      await t.members.create('sandbox', MEMBER);
      await t.members.create('sandbox', OTHER);
      const { client } = await t.clients.create('sandbox', { client_name: 'Reader App', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const { verifier, challenge } = pkce();
      const back = await authorize(t, { clientId: client.clientId, scope: 'openid fhirUser launch/patient offline_access patient/Coverage.rs patient/ExplanationOfBenefit.rs', challenge, patient: 'pat-leo', untick: ['claims'] });
      const tokens = json(await exchange(t.app, '/sandbox', back.searchParams.get('code')!, verifier, { form: { client_id: client.clientId } }));
      const fhir = (token: string) => t.app.inject({ url: '/sandbox/fhir/R4/Coverage', headers: { authorization: `Bearer ${token}` } });

      // Not signed in: the sign-in page, with the page headers and no app named.
      const anonymous = await t.app.inject({ url: APPS });
      assert.equal(anonymous.statusCode, 200);
      assert.equal(anonymous.headers['content-security-policy'], PAGE_HEADERS['content-security-policy']);
      assert.match(anonymous.body, /Sign in to your your health plan account|to see the apps you connected/);
      const noCsrf = await t.app.inject({ method: 'POST', url: '/sandbox/account/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `username=${MEMBER.username}&password=x` });
      assert.equal(noCsrf.statusCode, 403);

      const jar = await signIn(t, MEMBER);
      let page = await get(t.app, jar, APPS);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h2>Reader App<\/h2>/);
      assert.match(page.body, /<dt>Shares<\/dt><dd>Coverage, Stay connected<\/dd>/);
      assert.match(page.body, /<dt>Records of<\/dt><dd>Leo Lopez<\/dd>/);
      assert.match(page.body, /Not used yet/);

      assert.equal((await fhir(tokens.access_token)).statusCode, 200);
      for (let i = 0; i < 20 && /Not used yet/.test(page.body); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        page = await get(t.app, jar, APPS);
      }
      assert.match(page.body, /<dt>Last used<\/dt><dd><time datetime="/);

      // Another member cannot revoke this grant, even with a valid form of their own.
      const other = await signIn(t, OTHER);
      const otherPage = await get(t.app, other, APPS);
      assert.match(otherPage.body, /You have not connected any apps/);
      const grantId = /name="grant" value="([^"]+)"/.exec(page.body)![1]!;
      const otherForm = formOf(otherPage.body); // their only form is Sign out: same CSRF binding (their session)
      assert.equal((await post(t.app, other, '/sandbox/account/revoke', [...otherForm.hidden, ['grant', grantId]])).statusCode, 404);
      assert.equal((await fhir(tokens.access_token)).statusCode, 200);

      const revoke = formOf(page.body);
      assert.equal(revoke.action, '/sandbox/account/revoke');
      assert.equal((await post(t.app, jar, revoke.action, [['grant', grantId]])).statusCode, 403, 'no CSRF token');
      const done = await post(t.app, jar, revoke.action, [...revoke.hidden, ['grant', grantId]]);
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /Access revoked/);
      assert.match(done.body, /Reader App can no longer get your information/);

      const refused = await fhir(tokens.access_token);
      assert.equal(refused.statusCode, 401);
      assert.match(String(refused.headers['www-authenticate']), /invalid_token/);
      const refresh = await form(t.app, '/sandbox/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: client.clientId });
      assert.equal(refresh.statusCode, 400);
      assert.equal(json(refresh).error, 'invalid_grant');
      assert.match((await get(t.app, jar, APPS)).body, /You have not connected any apps/);

      // A wildcard kept whole reads as every category in plain words, not as scopes.
      const wide = await authorize(t, { clientId: client.clientId, scope: 'openid launch/patient offline_access patient/*.rs', challenge: pkce().challenge, patient: 'pat-leo', jar });
      assert.ok(wide.searchParams.get('code'));
      assert.match((await get(t.app, jar, APPS)).body,
        /<dt>Shares<\/dt><dd>Claims and payments, Coverage, Clinical records, Personal details, Providers and organizations, Other records, Stay connected<\/dd>/);

      // Sign out ends the session.
      const signOut = /<form method="post" action="\/sandbox\/account\/sign-out">/.test(page.body);
      assert.ok(signOut);
      const after = await get(t.app, jar, APPS);
      const out = await post(t.app, jar, '/sandbox/account/sign-out', formOf(after.body.slice(after.body.indexOf('/sandbox/account/sign-out') - 40)).hidden);
      assert.match(out.body, /You are signed out/);
      assert.match((await get(t.app, jar, APPS)).body, /name="password"/);
    });
  });
});
