import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, created, json, openTestApp, write, type TestApp } from '../test-app.js';

forEachDialect('writes', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open); });
  after(() => t?.app.close());

  const countOf = async (query: string): Promise<number> => json(await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient?${query}&_total=accurate` })).total;

  describe('who may write', () => {
    it('answers 401 with a Bearer challenge when there is no credential', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { 'content-type': 'application/fhir+json' }, payload: '{"resourceType":"Patient","gender":"other"}' });
      assert.equal(res.statusCode, 401);
      assert.match(String(res.headers['www-authenticate']), /^Bearer/);
      assert.equal(json(res).issue[0].code, 'login');
    });

    it('answers 403 for a credential that is not the admin token, and writes nothing', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { authorization: 'Bearer wrong-token', 'content-type': 'application/fhir+json' }, payload: '{"resourceType":"Patient","name":[{"family":"Intruder"}]}' });
      assert.equal(res.statusCode, 403);
      assert.equal(json(res).issue[0].code, 'forbidden');
      assert.equal(await countOf('family=Intruder'), 0);
    });

    it('refuses every write when no admin token is configured', async () => {
      const ro = await openTestApp(open, { ADMIN_TOKEN: '' });
      try {
        const res = await ro.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...ADMIN, 'content-type': 'application/fhir+json' }, payload: '{"resourceType":"Patient"}' });
        assert.equal(res.statusCode, 403);
      } finally {
        await ro.app.close();
      }
    });
  });

  describe('create', () => {
    it('assigns the id and returns Location, ETag, Last-Modified and the resource', async () => {
      const res = await write(t.app, 'POST', '/fhir/R4/Patient', { resourceType: 'Patient', id: 'client-chosen', name: [{ family: 'Create' }] });
      assert.equal(res.statusCode, 201);
      const body = json(res);
      assert.notEqual(body.id, 'client-chosen');
      assert.equal(res.headers.location, `http://payer.test/fhir/R4/Patient/${body.id}/_history/1`);
      assert.equal(res.headers.etag, 'W/"1"');
      assert.equal(res.headers['last-modified'], new Date(body.meta.lastUpdated).toUTCString());
      assert.equal(body.meta.versionId, '1');
    });

    it('honours Prefer: return=minimal and return=OperationOutcome', async () => {
      const minimal = await write(t.app, 'POST', '/fhir/R4/Patient', { resourceType: 'Patient' }, { prefer: 'return=minimal' });
      assert.equal(minimal.statusCode, 201);
      assert.equal(minimal.body, '');
      assert.ok(minimal.headers.location);
      const oo = await write(t.app, 'POST', '/fhir/R4/Patient', { resourceType: 'Patient' }, { prefer: 'return=OperationOutcome' });
      assert.equal(oo.statusCode, 201);
      assert.equal(json(oo).resourceType, 'OperationOutcome');
      assert.equal(json(oo).issue[0].severity, 'information');
    });

    it('rejects bodies that are not a resource of the URL type', async () => {
      const cases: Array<[string, string]> = [
        ['[1,2]', 'structure'],
        ['"text"', 'structure'],
        ['{"name":[]}', 'required'],
        ['{"resourceType":"Observation","status":"final"}', 'invalid'],
        ['{"resourceType":"Nonsense"}', 'value'],
      ];
      for (const [payload, code] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...ADMIN, 'content-type': 'application/fhir+json' }, payload });
        assert.equal(res.statusCode, 400, payload);
        assert.equal(json(res).issue[0].code, code, payload);
      }
      const empty = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: ADMIN });
      assert.equal(empty.statusCode, 400);
    });

    it('If-None-Exist returns the existing match instead of creating', async () => {
      const first = await created(t.app, { resourceType: 'Patient', identifier: [{ system: 'urn:test:mrn', value: 'INE-1' }] });
      const again = await write(t.app, 'POST', '/fhir/R4/Patient', { resourceType: 'Patient', identifier: [{ system: 'urn:test:mrn', value: 'INE-1' }] }, { 'if-none-exist': 'identifier=urn:test:mrn|INE-1' });
      assert.equal(again.statusCode, 200);
      assert.equal(json(again).id, first.id);
      assert.equal(await countOf('identifier=urn:test:mrn|INE-1'), 1);
    });
  });

  describe('update', () => {
    it('writes a new version, and creates with the client id when absent', async () => {
      const made = await write(t.app, 'PUT', '/fhir/R4/Patient/put-1', { resourceType: 'Patient', id: 'put-1', gender: 'female' });
      assert.equal(made.statusCode, 201);
      assert.equal(made.headers.location, 'http://payer.test/fhir/R4/Patient/put-1/_history/1');
      const next = await write(t.app, 'PUT', '/fhir/R4/Patient/put-1', { resourceType: 'Patient', id: 'put-1', gender: 'male' });
      assert.equal(next.statusCode, 200);
      assert.equal(next.headers.etag, 'W/"2"');
      assert.equal(json(next).gender, 'male');
    });

    it('requires the body id to match the URL', async () => {
      const mismatch = await write(t.app, 'PUT', '/fhir/R4/Patient/put-2', { resourceType: 'Patient', id: 'other' });
      assert.equal(mismatch.statusCode, 400);
      const missing = await write(t.app, 'PUT', '/fhir/R4/Patient/put-2', { resourceType: 'Patient' });
      assert.equal(missing.statusCode, 400);
    });

    it('If-Match: 412 on a stale version, 200 on the current one, 400 when malformed', async () => {
      await write(t.app, 'PUT', '/fhir/R4/Patient/im-1', { resourceType: 'Patient', id: 'im-1' });
      await write(t.app, 'PUT', '/fhir/R4/Patient/im-1', { resourceType: 'Patient', id: 'im-1', active: true });
      const stale = await write(t.app, 'PUT', '/fhir/R4/Patient/im-1', { resourceType: 'Patient', id: 'im-1', active: false }, { 'if-match': 'W/"1"' });
      assert.equal(stale.statusCode, 412);
      assert.equal(json(stale).resourceType, 'OperationOutcome');
      const current = await write(t.app, 'PUT', '/fhir/R4/Patient/im-1', { resourceType: 'Patient', id: 'im-1', active: false }, { 'if-match': 'W/"2"' });
      assert.equal(current.statusCode, 200);
      assert.equal(current.headers.etag, 'W/"3"');
      const bad = await write(t.app, 'PUT', '/fhir/R4/Patient/im-1', { resourceType: 'Patient', id: 'im-1' }, { 'if-match': 'yesterday' });
      assert.equal(bad.statusCode, 400);
    });
  });

  describe('conditional update', () => {
    const body = { resourceType: 'Patient', identifier: [{ system: 'urn:test:cu', value: 'A' }], gender: 'female' };

    it('creates on no match, updates the one match, and answers 412 to several', async () => {
      const first = await write(t.app, 'PUT', '/fhir/R4/Patient?identifier=urn:test:cu|A', body);
      assert.equal(first.statusCode, 201);
      const id = json(first).id;
      const second = await write(t.app, 'PUT', '/fhir/R4/Patient?identifier=urn:test:cu|A', { ...body, gender: 'male' });
      assert.equal(second.statusCode, 200);
      assert.equal(json(second).id, id);
      assert.equal(json(second).meta.versionId, '2');
      await created(t.app, body);
      const many = await write(t.app, 'PUT', '/fhir/R4/Patient?identifier=urn:test:cu|A', body);
      assert.equal(many.statusCode, 412);
    });

    it('needs criteria', async () => {
      const res = await write(t.app, 'PUT', '/fhir/R4/Patient', body);
      assert.equal(res.statusCode, 400);
    });
  });

  describe('delete', () => {
    it('answers 200 with an OperationOutcome, then 410 on read; deleting again is harmless', async () => {
      const p = await created(t.app, { resourceType: 'Patient' });
      const res = await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${p.id}`, headers: ADMIN });
      assert.equal(res.statusCode, 200);
      assert.equal(json(res).resourceType, 'OperationOutcome');
      assert.equal(res.headers.etag, 'W/"2"');
      assert.equal((await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}` })).statusCode, 410);
      const again = await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${p.id}`, headers: ADMIN });
      assert.equal(again.statusCode, 200);
    });

    it('answers 204 under Prefer: return=minimal and 412 on a stale If-Match', async () => {
      const p = await created(t.app, { resourceType: 'Patient' });
      const stale = await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${p.id}`, headers: { ...ADMIN, 'if-match': 'W/"5"' } });
      assert.equal(stale.statusCode, 412);
      assert.equal((await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}` })).statusCode, 200);
      const res = await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${p.id}`, headers: { ...ADMIN, prefer: 'return=minimal' } });
      assert.equal(res.statusCode, 204);
      assert.equal(res.body, '');
    });

    it('needs the admin token', async () => {
      const p = await created(t.app, { resourceType: 'Patient' });
      const res = await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${p.id}` });
      assert.equal(res.statusCode, 401);
      assert.equal((await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}` })).statusCode, 200);
    });
  });
});
