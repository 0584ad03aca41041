/** The sandbox test members' accounts: created idempotently, fast, and usable at once — a parent picks their child. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testMemberLogins } from '@payerport/data';
import type { MemberStore, Store } from '@payerport/store';
import { forEachDialect } from '@payerport/store/testing';
import { json, openTestApp } from '../test-app.js';
import { CookieJar, REDIRECT, authorize, exchange, formOf, get, pkce } from '../app/test-oauth.js';
import { seedTestMembers, testMemberAccounts } from './seed-test-members.js';

describe('sandbox test member accounts', () => {
  it('are the listed sign-ins, each with their own record and the people they represent', () => {
    const accounts = testMemberAccounts();
    assert.deepEqual(accounts.map((a) => [a.username, a.password, a.patients[0]!.patientId]), testMemberLogins().map((l) => [l.username, l.password, l.patient]));
    const leilani = accounts.find((a) => a.username === 'leilani.kahale')!;
    assert.deepEqual(leilani.patients.map((p) => [p.relationship, p.display]), [['self', 'Leilani Kahale'], ['parent', 'Keoni Kahale']]);
    assert.deepEqual(accounts.find((a) => a.username === 'kehau.tanaka')!.patients.map((p) => p.relationship), ['self', 'power-of-attorney']);
    assert.equal(accounts.find((a) => a.username === 'rosario.cruz')!.language, 'es');
  });

  forEachDialect('sandbox test member accounts', (open) => {
    it('seeding twice changes nothing; a parent signs in and the picker offers the child', async () => {
      const t = await openTestApp(open);
      const store = t.store as Store & { readonly members: MemberStore };
      const started = performance.now();
      assert.equal(await seedTestMembers(store), testMemberLogins().length);
      assert.ok(performance.now() - started < 3000, `seeding took ${Math.round(performance.now() - started)} ms`);
      const before = await store.members.byUsername('sandbox', 'leilani.kahale');
      await seedTestMembers(store);
      assert.equal((await store.members.byUsername('sandbox', 'leilani.kahale'))?.id, before?.id);
      assert.equal(await store.members.byUsername('production', 'leilani.kahale'), undefined);

      const { client } = await t.clients.create('sandbox', { client_name: 'Family App', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
      const leilani = testMemberLogins().find((l) => l.username === 'leilani.kahale')!;
      const keoni = testMemberAccounts().find((a) => a.username === 'leilani.kahale')!.patients[1]!.patientId;
      const { verifier, challenge } = pkce();
      const jar = new CookieJar();
      const back = await authorize(t, { clientId: client.clientId, scope: 'openid fhirUser launch/patient patient/Coverage.rs', challenge, username: leilani.username, password: leilani.password, patient: keoni, jar });
      const tokens = json(await exchange(t.app, '/sandbox', back.searchParams.get('code')!, verifier, { form: { client_id: client.clientId } }));
      assert.equal(tokens.patient, keoni);
      // The picker the journey went through listed both.
      const again = await get(t.app, jar, `/sandbox/oauth/authorize?${new URLSearchParams({
        response_type: 'code', client_id: client.clientId, redirect_uri: REDIRECT, scope: 'openid launch/patient patient/Coverage.rs',
        aud: 'http://payer.test/sandbox/fhir/R4', code_challenge: challenge, code_challenge_method: 'S256',
      })}`);
      const picker = await get(t.app, jar, String(again.headers.location));
      assert.match(formOf(picker.body).action, /\/patient$/);
      assert.match(picker.body, /Leilani Kahale[\s\S]*You[\s\S]*Keoni Kahale[\s\S]*You are their parent/);
    });
  });
});
