/**
 * A SMART App Launch from end to end, as an app and a member would do it: the real server on a
 * socket with a seeded sandbox, a public client registered with `payerport clients create`,
 * openid-client 6 as the app (discovery, PKCE S256, `aud`), and Chromium as the member's
 * browser (sign in, pick a patient, untick one category, Allow). Then the app reads what it was
 * given and is refused what was unticked, refreshes (rotation), revokes (then 401).
 * https://hl7.org/fhir/smart-app-launch/STU2/app-launch.html
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as oidc from 'openid-client';
import type { Browser } from 'playwright-core';
import { testMemberLogins } from '@payerport/data';
import { createStore, type SqlStore } from '@payerport/store';
import { parseArgv } from '../cli/argv.js';
import { runClients } from '../cli/clients-command.js';
import { seedSandbox } from '../runtime/seed-sandbox.js';
import { seedTestMembers } from '../runtime/seed-test-members.js';
import { openTestApp, type Loose, type TestApp } from '../test-app.js';
import { browserSkipReason, launchChromium } from './chromium.js';

const skip = browserSkipReason();

/** A port free right now (the server's PUBLIC_URL must name it before the app is built). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('SMART App Launch in a browser', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'payerport-launch-'));
  let t: TestApp;
  let appServer: Server;
  let browser: Browser;
  let publicUrl: string;
  let redirectUri: string;

  before(async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    t = await openTestApp((options) => createStore({ ...options, sqlitePath: join(dir, 'db.sqlite') }), { PUBLIC_URL: publicUrl });
    await seedSandbox(t.store, t.registry, 'sandbox');
    await seedTestMembers(t.store as SqlStore, 'sandbox');
    await t.app.listen({ port, host: '127.0.0.1' });
    // The app's redirect URI: a page of its own on another port.
    appServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title><p>signed in'));
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    redirectUri = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/callback`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    appServer?.close();
    await t?.app.close();
    await t?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('authorizes, reads within the consent, refreshes and revokes', async () => {
    // The developer registers a public app with the CLI, as the README shows.
    const printed: string[] = [];
    const code = await runClients(t.store, parseArgv(['clients', 'create', '--env', 'sandbox', '--name', 'Launch Test App', '--redirect-uris', redirectUri, '--auth-method', 'none']), 'sandbox', (line) => printed.push(line));
    assert.equal(code, 0, printed.join('\n'));
    const clientId = printed[0]!.split(/\s+/)[0]!;

    // Discovery the SMART way: the FHIR base names the issuer; openid-client reads the issuer's metadata.
    const fhirBase = `${publicUrl}/sandbox/fhir/R4`;
    const smart = await (await fetch(`${fhirBase}/.well-known/smart-configuration`)).json() as Loose;
    const config = await oidc.discovery(new URL(smart.issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    assert.equal(config.serverMetadata().token_endpoint, smart.token_endpoint);

    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid fhirUser launch/patient offline_access patient/*.rs',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      aud: fhirBase,
    });

    // The member: a parent, so the picker is shown; she shares her own records, without claims.
    const member = testMemberLogins().find((l) => l.username === 'leilani.kahale')!;
    const page = await browser.newPage();
    await page.goto(authorizationUrl.href);
    await page.getByLabel('Username').fill(member.username);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('input[name="patient"]');
    assert.equal(await page.isChecked('#patient-0'), true, 'her own record is preselected');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('input[name="category"]');
    assert.match(await page.title(), /Share health information with Launch Test App/);
    await page.getByLabel('Claims and payments').uncheck();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.href.startsWith(redirectUri));
    const callback = new URL(page.url());
    await page.close();

    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    assert.equal(tokens.patient, member.patient);
    assert.equal(tokens.claims()?.fhirUser, `Patient/${member.patient}`);
    assert.ok(tokens.refresh_token);
    const scopes = String(tokens.scope).split(' ');
    assert.ok(scopes.includes('patient/Coverage.rs') && !scopes.includes('patient/ExplanationOfBenefit.rs'), tokens.scope);

    const read = (path: string, token: string) => fetch(`${fhirBase}/${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' } });
    const patient = await read(`Patient/${member.patient}`, tokens.access_token);
    assert.equal(patient.status, 200);
    const coverages = await (await read(`Coverage?patient=${member.patient}`, tokens.access_token)).json() as Loose;
    assert.ok(coverages.entry.length >= 1 && coverages.entry.every((e: Loose) => e.resource.beneficiary.reference === `Patient/${member.patient}`));
    const coverage = await read(`Coverage/${coverages.entry[0].resource.id}`, tokens.access_token);
    assert.equal(coverage.status, 200);
    const claims = await read(`ExplanationOfBenefit?patient=${member.patient}`, tokens.access_token);
    assert.equal(claims.status, 403, 'the unticked category');
    assert.match(claims.headers.get('www-authenticate') ?? '', /insufficient_scope/);

    // Refresh rotates the refresh token; the new access token works.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    assert.equal(refreshed.patient, member.patient);
    assert.equal((await read(`Patient/${member.patient}`, refreshed.access_token)).status, 200);

    // Revocation: the token stops at once.
    await oidc.tokenRevocation(config, refreshed.access_token);
    assert.equal((await read(`Patient/${member.patient}`, refreshed.access_token)).status, 401);
  });
});
