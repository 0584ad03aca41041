/** GET /api/sandbox/test-members: the sandbox sign-ins, each pointing at a Patient the sandbox serves; nothing in production. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { testMemberLogins } from '@payerport/data';
import { forEachDialect } from '@payerport/store/testing';
import { seededSandbox } from '../app/test-doc-queries.js';
import { ADMIN, json, openTestApp, type TestApp } from '../test-app.js';

// Member data needs a token; the administrator's reads everything (the sign-in flow has its own tests).
const admin = { ...ADMIN };

forEachDialect('GET /api/sandbox/test-members', (open) => {
  const { app, get } = seededSandbox(open);

  it('lists the sign-ins as JSON', async () => {
    const res = await app().app.inject({ url: '/api/sandbox/test-members' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const logins = json(res);
    assert.deepEqual(logins, testMemberLogins());
    assert.ok(logins.length >= 12);
    for (const login of logins) assert.deepEqual(Object.keys(login).sort(), ['description', 'password', 'patient', 'username']);
  });

  it('names Patients the sandbox serves, with their Coverage', async () => {
    for (const { username, patient } of testMemberLogins()) {
      assert.equal((await get(`/sandbox/fhir/R4/Patient/${patient}`, admin)).id, patient, username);
      const coverages = await get(`/sandbox/fhir/R4/Coverage?beneficiary=Patient/${patient}`, admin);
      assert.equal(coverages.entry?.length, 1, `${username}'s Coverage`);
    }
  });

  it('finds the accented name with and without the tilde', async () => {
    for (const name of ['pena', 'Peña', 'PEÑA-KEALOHA']) {
      const found = (await get(`/sandbox/fhir/R4/Patient?name=${encodeURIComponent(name)}`, admin)).entry ?? [];
      assert.deepEqual(found.map((e: { resource: { id: string } }) => e.resource.id), ['member-maria-pena-kealoha'], name);
    }
  });

  it('finds a Hawaiian name typed with or without the ʻokina', async () => {
    for (const given of ['Kaʻiulani', 'kaiulani', "Ka'iulani"]) {
      const found = (await get(`/sandbox/fhir/R4/Patient?given=${encodeURIComponent(given)}`, admin)).entry ?? [];
      assert.deepEqual(found.map((e: { resource: { id: string } }) => e.resource.id), ['member-kaiulani-akana'], given);
    }
  });

  it('has no production counterpart', async () => {
    assert.equal((await app().app.inject({ url: '/api/production/test-members' })).statusCode, 404);
    const patient = testMemberLogins()[0]!.patient;
    assert.equal((await app().app.inject({ url: `/fhir/R4/Patient/${patient}`, headers: admin })).statusCode, 404, 'production holds no test member');
  });
});

forEachDialect('GET /api/sandbox/test-members below a PUBLIC_URL path', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open, { PUBLIC_URL: 'http://payer.test/payerport' }); });
  after(() => t?.app.close());

  it('is served below PUBLIC_URL\'s path', async () => {
    assert.equal((await t.app.inject({ url: '/payerport/api/sandbox/test-members' })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/api/sandbox/test-members' })).statusCode, 404);
  });
});
