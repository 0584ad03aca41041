import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, ADMIN_JSON, created, json, openTestApp, type TestApp } from '../test-app.js';

forEachDialect('HTTP edges', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open, { BODY_LIMIT: '4096' }); });
  after(() => t?.app.close());

  describe('formats', () => {
    it('answers 406 to XML by Accept or _format, and serves JSON otherwise', async () => {
      for (const headers of [{ accept: 'application/fhir+xml' }, { accept: 'application/xml, text/xml' }]) {
        const res = await t.app.inject({ url: '/fhir/R4/metadata', headers });
        assert.equal(res.statusCode, 406);
        assert.equal(json(res).resourceType, 'OperationOutcome');
      }
      assert.equal((await t.app.inject({ url: '/fhir/R4/metadata?_format=xml' })).statusCode, 406);
      assert.equal((await t.app.inject({ url: '/fhir/R4/metadata?_format=application/fhir%2Bxml' })).statusCode, 406);
      for (const url of ['/fhir/R4/metadata?_format=json', '/fhir/R4/metadata?_format=application/fhir%2Bjson']) {
        assert.equal((await t.app.inject({ url })).statusCode, 200, url);
      }
      const browser = await t.app.inject({ url: '/fhir/R4/metadata', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
      assert.equal(browser.statusCode, 200);
      const fhirJson = await t.app.inject({ url: '/fhir/R4/metadata', headers: { accept: 'application/fhir+json' } });
      assert.equal(fhirJson.headers['content-type'], 'application/fhir+json; charset=utf-8');
    });
  });

  describe('request bodies', () => {
    it('answers 413 with an OperationOutcome to a body over BODY_LIMIT', async () => {
      const big = JSON.stringify({ resourceType: 'Patient', text: { status: 'generated', div: `<div>${'x'.repeat(8000)}</div>` } });
      const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: ADMIN_JSON, payload: big });
      assert.equal(res.statusCode, 413);
      assert.equal(json(res).issue[0].code, 'too-long');
    });

    it('answers 400 to malformed JSON', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: ADMIN_JSON, payload: '{"resourceType":"Patient",' });
      assert.equal(res.statusCode, 400);
      assert.equal(json(res).resourceType, 'OperationOutcome');
    });

    it('answers 400 to JSON nested 100k levels deep, and keeps serving', async () => {
      const big = await openTestApp(open);
      try {
        const deep = '{"resourceType":"Patient","extension":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
        const res = await big.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: ADMIN_JSON, payload: deep });
        assert.equal(res.statusCode, 400);
        assert.equal(json(res).issue[0].code, 'structure');
        assert.equal((await big.app.inject({ url: '/fhir/R4/metadata' })).statusCode, 200);
      } finally {
        await big.app.close();
      }
    });

    it('answers 415 to a body that is not JSON or a form', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...ADMIN, 'content-type': 'application/fhir+xml' }, payload: '<Patient/>' });
      assert.equal(res.statusCode, 415);
      assert.equal(json(res).resourceType, 'OperationOutcome');
    });
  });

  describe('routing', () => {
    it('answers 404 OperationOutcomes for unknown routes', async () => {
      for (const url of ['/nope', '/fhir/R3/Patient', '/fhir/R4/Patient/1/_history/1/extra', '/fhir/R4/Patient/1/other']) {
        const res = await t.app.inject({ url });
        assert.equal(res.statusCode, 404, url);
        assert.equal(json(res).resourceType, 'OperationOutcome', url);
      }
    });

    it('answers 405 to interactions the server does not support', async () => {
      const patch = await t.app.inject({ method: 'PATCH', url: '/fhir/R4/Patient/1', headers: ADMIN_JSON, payload: '{}' });
      assert.equal(patch.statusCode, 405);
      const condDelete = await t.app.inject({ method: 'DELETE', url: '/fhir/R4/Patient?identifier=x', headers: ADMIN });
      assert.equal(condDelete.statusCode, 405);
      assert.equal(json(condDelete).issue[0].code, 'not-supported');
    });

    it('keeps environments apart', async () => {
      const p = await created(t.app, { resourceType: 'Patient', name: [{ family: 'Sandboxed' }] }, '/sandbox/fhir/R4');
      assert.equal((await t.app.inject({ url: `/sandbox/fhir/R4/Patient/${p.id}`, headers: ADMIN })).statusCode, 200);
      assert.equal((await t.app.inject({ url: `/fhir/R4/Patient/${p.id}`, headers: ADMIN })).statusCode, 404);
    });
  });

  describe('browsers and compression', () => {
    it('sends CORS headers that expose ETag and Location', async () => {
      const p = await created(t.app, { resourceType: 'Patient' });
      const res = await t.app.inject({ url: `/fhir/R4/Patient/${p.id}`, headers: { ...ADMIN, origin: 'https://app.example' } });
      assert.equal(res.headers['access-control-allow-origin'], '*');
      const exposed = String(res.headers['access-control-expose-headers']);
      for (const h of ['ETag', 'Location', 'Last-Modified', 'Content-Location']) assert.ok(exposed.includes(h), h);
      const preflight = await t.app.inject({ method: 'OPTIONS', url: '/fhir/R4/Patient', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      assert.equal(preflight.statusCode, 204);
      assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
      assert.match(String(preflight.headers['access-control-allow-headers']), /authorization/i);
      const error = await t.app.inject({ url: '/fhir/R4/Patient/nope', headers: { ...ADMIN, origin: 'https://app.example' } });
      assert.equal(error.statusCode, 404);
      assert.equal(error.headers['access-control-allow-origin'], '*', 'browser code can read error OperationOutcomes');
    });

    it('gzips large responses when asked, and only then', async () => {
      const gz = await t.app.inject({ url: '/fhir/R4/metadata', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const cs = JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'));
      assert.equal(cs.resourceType, 'CapabilityStatement');
      const plain = await t.app.inject({ url: '/fhir/R4/metadata' });
      assert.equal(plain.headers['content-encoding'], undefined);
      const refused = await t.app.inject({ url: '/fhir/R4/metadata', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
      assert.equal(refused.headers['content-encoding'], undefined);
      const small = await t.app.inject({ url: '/fhir/R4/Patient/nope', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(small.headers['content-encoding'], undefined, 'bodies under 1 KiB are sent as they are');
    });
  });

  describe('unexpected failures', () => {
    it('answer 500 with a correlation id and no stack trace', async () => {
      const broken = await openTestApp(open);
      await broken.store.close();
      try {
        const res = await broken.app.inject({ url: '/fhir/R4/Practitioner/x' });
        assert.equal(res.statusCode, 500);
        const oo = json(res);
        assert.equal(oo.issue[0].code, 'exception');
        assert.match(oo.issue[0].diagnostics, /correlation id [0-9a-f-]{36}/);
        assert.doesNotMatch(res.body, /\bat .*\.ts:\d+/);
      } finally {
        await broken.app.close();
      }
    });
  });
});
