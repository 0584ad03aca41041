import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, created, json, openTestApp, write, type Loose, type TestApp } from '../test-app.js';

forEachDialect('read and vread', (open) => {
  let t: TestApp;
  let patient: Loose;
  let url: string;
  before(async () => {
    t = await openTestApp(open);
    patient = await created(t.app, {
      resourceType: 'Patient', name: [{ family: 'Read', given: ['Ruth'] }], birthDate: '1970-01-02',
      contact: [{ name: { text: 'Kin' } }],
    });
    url = `/fhir/R4/Patient/${patient.id}`;
  });
  after(() => t?.app.close());

  it('returns the stored text as is, with ETag and Last-Modified', async () => {
    const res = await t.app.inject({ headers: ADMIN, url });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/fhir+json; charset=utf-8');
    assert.equal(res.body, JSON.stringify(patient));
    assert.equal(res.headers.etag, 'W/"1"');
    assert.equal(res.headers['last-modified'], new Date(patient.meta.lastUpdated).toUTCString());
  });

  it('answers 304 to If-None-Match on the current version and 200 otherwise', async () => {
    const same = await t.app.inject({ url, headers: { ...ADMIN, 'if-none-match': 'W/"1"' } });
    assert.equal(same.statusCode, 304);
    assert.equal(same.body, '');
    assert.equal(same.headers.etag, 'W/"1"');
    const other = await t.app.inject({ url, headers: { ...ADMIN, 'if-none-match': 'W/"7"' } });
    assert.equal(other.statusCode, 200);
  });

  it('answers 304 to If-Modified-Since at or after the last update', async () => {
    const later = new Date(Date.parse(patient.meta.lastUpdated) + 5000).toUTCString();
    const earlier = new Date(Date.parse(patient.meta.lastUpdated) - 5000).toUTCString();
    assert.equal((await t.app.inject({ url, headers: { ...ADMIN, 'if-modified-since': later } })).statusCode, 304);
    assert.equal((await t.app.inject({ url, headers: { ...ADMIN, 'if-modified-since': earlier } })).statusCode, 200);
  });

  it('returns 404 with an OperationOutcome for an unknown id or type', async () => {
    const missing = await t.app.inject({ headers: ADMIN, url: '/fhir/R4/Patient/nope' });
    assert.equal(missing.statusCode, 404);
    assert.equal(json(missing).resourceType, 'OperationOutcome');
    assert.equal(json(missing).issue[0].code, 'not-found');
    const badType = await t.app.inject({ headers: ADMIN, url: '/fhir/R4/Patientt/1' });
    assert.equal(badType.statusCode, 404);
    assert.match(json(badType).issue[0].diagnostics, /Patientt/);
  });

  it('reads old versions with vread, and 404 for versions that do not exist', async () => {
    const v1 = await t.app.inject({ headers: ADMIN, url: `${url}/_history/1` });
    assert.equal(v1.statusCode, 200);
    assert.equal(v1.headers.etag, 'W/"1"');
    assert.equal(json(v1).meta.versionId, '1');
    assert.equal((await t.app.inject({ headers: ADMIN, url: `${url}/_history/9` })).statusCode, 404);
    assert.equal((await t.app.inject({ headers: ADMIN, url: `${url}/_history/x` })).statusCode, 404);
  });

  it('_summary=true keeps summary elements and tags the result SUBSETTED', async () => {
    const body = json(await t.app.inject({ headers: ADMIN, url: `${url}?_summary=true` }));
    assert.deepEqual(body.name, patient.name);
    assert.equal(body.birthDate, '1970-01-02');
    assert.equal(body.contact, undefined, 'Patient.contact is not a summary element');
    assert.ok(body.meta.tag.some((tag: Loose) => tag.code === 'SUBSETTED'));
  });

  it('_elements keeps the named elements plus id and meta', async () => {
    const body = json(await t.app.inject({ headers: ADMIN, url: `${url}?_elements=birthDate` }));
    assert.deepEqual(Object.keys(body).sort(), ['birthDate', 'id', 'meta', 'resourceType']);
    assert.ok(body.meta.tag.some((tag: Loose) => tag.code === 'SUBSETTED'));
  });

  it('_pretty=true indents', async () => {
    const res = await t.app.inject({ headers: ADMIN, url: `${url}?_pretty=true` });
    assert.match(res.body, /\n {2}"resourceType": "Patient"/);
    assert.deepEqual(json(res), patient);
  });

  it('answers 410 for a deleted resource while its versions stay readable', async () => {
    const p = await created(t.app, { resourceType: 'Patient', name: [{ family: 'Gone' }] });
    const del = await t.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${p.id}`, headers: ADMIN });
    assert.equal(del.statusCode, 200);
    const res = await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}` });
    assert.equal(res.statusCode, 410);
    assert.equal(json(res).issue[0].code, 'deleted');
    assert.equal((await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}/_history/1` })).statusCode, 200);
    assert.equal((await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}/_history/2` })).statusCode, 410);
  });

  it('keeps version 1 readable after an update', async () => {
    const p = await created(t.app, { resourceType: 'Patient', gender: 'female' });
    const upd = await write(t.app, 'PUT', `/fhir/R4/Patient/${p.id}`, { ...p, gender: 'male' });
    assert.equal(upd.statusCode, 200);
    assert.equal(json(await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}/_history/1` })).gender, 'female');
    const current = await t.app.inject({ headers: ADMIN, url: `/fhir/R4/Patient/${p.id}` });
    assert.equal(json(current).gender, 'male');
    assert.equal(current.headers.etag, 'W/"2"');
  });
});
