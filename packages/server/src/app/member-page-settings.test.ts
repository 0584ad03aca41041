/**
 * Settings of the member pages through the app: the plan's name and time zone from the
 * configuration on sign-in, consent and Connected apps; the per-address sign-in limit (429 with
 * Retry-After and a page in the member's language), and which address counts (TRUST_PROXY).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { openTestApp, type TestApp } from '../test-app.js';
import { CookieJar, MEMBER, REDIRECT, authorize, formOf, get, pkce, post } from './test-oauth.js';

const APPS = '/sandbox/account/apps';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const signInPost = (t: TestApp, headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url: '/sandbox/account/sign-in', headers: { ...FORM, ...headers }, payload: 'username=nobody&password=wrong', remoteAddress });

describe('member page settings', () => {
  forEachDialect('member page settings', (open) => {
    it('names the plan and shows dates in its time zone on sign-in, consent and Connected apps', async () => {
      const t = await openTestApp(open, { PLAN_NAME: 'Kōkua Health Plan', PLAN_TIME_ZONE: 'Pacific/Honolulu' });
      await t.members.create('sandbox', MEMBER);
      const { client } = await t.clients.create('sandbox', { client_name: 'Plan App', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const anonymous = await t.app.inject({ url: APPS });
      assert.match(anonymous.body, /Sign in to your Kōkua Health Plan account/);
      assert.ok(!anonymous.body.includes('your health plan'));
      // The consent page on the way: the plan named, the end of access in Hawaii time.
      const seen: string[] = [];
      const jar = new CookieJar();
      await authorize(t, { clientId: client.clientId, scope: 'openid launch/patient patient/Coverage.rs', challenge: pkce().challenge, jar, onPage: (body: string) => seen.push(body) });
      const consent = seen.find((body) => body.includes('name="decision"'));
      assert.ok(consent, 'the consent page was shown');
      assert.match(consent, /information that Kōkua Health Plan has about/);
      assert.match(consent, /Access ends on <time datetime="[^"]+">[^<]+HST<\/time>/);
      const page = await get(t.app, jar, APPS);
      const { action, hidden } = formOf(page.body);
      await post(t.app, jar, action, [...hidden, ['username', MEMBER.username], ['password', MEMBER.password]]);
      const apps = await get(t.app, jar, APPS);
      assert.match(apps.body, /<title>Connected apps – Kōkua Health Plan<\/title>/);
      assert.match(apps.body, /<dt>Connected<\/dt><dd><time datetime="[^"]+">[^<]+HST<\/time>/);
    });

    it('answers 429 with Retry-After past the per-address limit, in the member\'s language; other addresses go on', async () => {
      const t = await openTestApp(open, { SIGNIN_RATE_LIMIT: '3', SIGNIN_RATE_WINDOW_SECONDS: '120' });
      for (let i = 0; i < 3; i++) assert.notEqual((await signInPost(t)).statusCode, 429, `attempt ${i + 1}`);
      const refused = await signInPost(t);
      assert.equal(refused.statusCode, 429);
      const wait = Number(refused.headers['retry-after']);
      assert.ok(wait > 0 && wait <= 120, String(wait));
      assert.match(refused.body, /Too many sign-in attempts/);
      assert.match(refused.body, /wait 2 minutes/);
      assert.equal(refused.headers['content-security-policy'] !== undefined, true);
      assert.match((await signInPost(t, { 'accept-language': 'es' })).body, /Demasiados intentos de inicio de sesión/);
      // The authorization's sign-in post counts against the same address.
      const login = await t.app.inject({ method: 'POST', url: '/sandbox/interaction/some-uid/login', headers: FORM, payload: 'username=a&password=b', remoteAddress: '203.0.113.7' });
      assert.equal(login.statusCode, 429);
      assert.notEqual((await signInPost(t, {}, '198.51.100.20')).statusCode, 429, 'another address has its own count');
      // Without TRUST_PROXY a forwarded address changes nothing: the socket's address counts.
      assert.equal((await signInPost(t, { 'x-forwarded-for': '192.0.2.99' })).statusCode, 429);
    });

    it('counts the forwarded client address when TRUST_PROXY names the proxy', async () => {
      const t = await openTestApp(open, { SIGNIN_RATE_LIMIT: '1', TRUST_PROXY: '127.0.0.1' });
      const viaProxy = (client: string) => signInPost(t, { 'x-forwarded-for': client }, '127.0.0.1');
      assert.notEqual((await viaProxy('192.0.2.1')).statusCode, 429);
      assert.equal((await viaProxy('192.0.2.1')).statusCode, 429);
      assert.notEqual((await viaProxy('192.0.2.2')).statusCode, 429, 'each client behind the proxy has its own count');
      // A forwarded header from an address that is not the proxy is ignored.
      assert.notEqual((await signInPost(t, { 'x-forwarded-for': '192.0.2.1' }, '198.51.100.1')).statusCode, 429);
      assert.equal((await signInPost(t, { 'x-forwarded-for': '192.0.2.50' }, '198.51.100.1')).statusCode, 429);
    });
  });
});
