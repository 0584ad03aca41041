import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN_JSON, json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const post = (t: TestApp, bundle: unknown, headers: Record<string, string> = ADMIN_JSON) =>
  t.app.inject({ method: 'POST', url: '/fhir/R4', headers, payload: JSON.stringify(bundle) });

const idOf = (entry: Loose): string => /\/([^/]+)\/_history\//.exec(entry.response.location)![1]!;

forEachDialect('batch and transaction', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open); });
  after(() => t?.app.close());

  const total = async (q: string): Promise<number> => json(await t.app.inject({ url: `/fhir/R4/${q}&_total=accurate` })).total;

  describe('transaction', () => {
    it('creates everything and rewrites urn:uuid references to the new ids', async () => {
      const res = await post(t, {
        resourceType: 'Bundle', type: 'transaction', entry: [
          { fullUrl: 'urn:uuid:7e1a0000-0000-4000-8000-000000000001', resource: { resourceType: 'PractitionerRole', practitioner: { reference: 'urn:uuid:7e1a0000-0000-4000-8000-000000000002' }, organization: { reference: 'urn:uuid:7e1a0000-0000-4000-8000-000000000003' } }, request: { method: 'POST', url: 'PractitionerRole' } },
          { fullUrl: 'urn:uuid:7e1a0000-0000-4000-8000-000000000002', resource: { resourceType: 'Practitioner', name: [{ family: 'Txn' }] }, request: { method: 'POST', url: 'Practitioner' } },
          { fullUrl: 'urn:uuid:7e1a0000-0000-4000-8000-000000000003', resource: { resourceType: 'Organization', name: 'Txn Org' }, request: { method: 'POST', url: 'Organization' } },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      const bundle = json(res);
      assert.equal(bundle.type, 'transaction-response');
      assert.equal(bundle.entry.length, 3);
      for (const e of bundle.entry) assert.equal(e.response.status, '201 Created');
      const [roleId, pracId, orgId] = bundle.entry.map(idOf);
      const role = json(await t.app.inject({ url: `/fhir/R4/PractitionerRole/${roleId}` }));
      assert.equal(role.practitioner.reference, `Practitioner/${pracId}`);
      assert.equal(role.organization.reference, `Organization/${orgId}`);
      const included = json(await t.app.inject({ url: `/fhir/R4/PractitionerRole?_id=${roleId}&_include=PractitionerRole:organization` }));
      assert.ok(included.entry.some((e: Loose) => e.search.mode === 'include' && e.resource.id === orgId), 'the rewritten reference is indexed');
    });

    it('rolls back every entry when one fails, answering with that entry\'s error', async () => {
      const res = await post(t, {
        resourceType: 'Bundle', type: 'transaction', entry: [
          { resource: { resourceType: 'Organization', name: 'Rollback Org' }, request: { method: 'POST', url: 'Organization' } },
          { resource: { resourceType: 'Organization', id: 'not-the-url-id', name: 'Rollback Org' }, request: { method: 'PUT', url: 'Organization/rb-1' } },
        ],
      });
      assert.equal(res.statusCode, 400);
      const oo = json(res);
      assert.equal(oo.resourceType, 'OperationOutcome');
      assert.match(oo.issue[0].diagnostics, /Bundle\.entry\[1\]/);
      assert.equal(await total('Organization?name=Rollback'), 0, 'the POST that ran first was rolled back');
    });

    it('points references at the existing match of a conditional create', async () => {
      const org = await t.app.inject({ method: 'PUT', url: '/fhir/R4/Organization/cond-org', headers: ADMIN_JSON, payload: JSON.stringify({ resourceType: 'Organization', id: 'cond-org', identifier: [{ system: 'urn:test:org', value: 'C1' }] }) });
      assert.equal(org.statusCode, 201);
      const res = await post(t, {
        resourceType: 'Bundle', type: 'transaction', entry: [
          { fullUrl: 'urn:uuid:7e1a0000-0000-4000-8000-0000000000c1', resource: { resourceType: 'Organization', identifier: [{ system: 'urn:test:org', value: 'C1' }] }, request: { method: 'POST', url: 'Organization', ifNoneExist: 'identifier=urn:test:org|C1' } },
          { resource: { resourceType: 'Location', id: 'cond-loc', managingOrganization: { reference: 'urn:uuid:7e1a0000-0000-4000-8000-0000000000c1' } }, request: { method: 'PUT', url: 'Location/cond-loc' } },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(json(res).entry[0].response.status, '200 OK');
      const loc = json(await t.app.inject({ url: '/fhir/R4/Location/cond-loc' }));
      assert.equal(loc.managingOrganization.reference, 'Organization/cond-org');
    });

    it('rejects two entries writing the same resource', async () => {
      const res = await post(t, {
        resourceType: 'Bundle', type: 'transaction', entry: [
          { resource: { resourceType: 'Organization', id: 'dup' }, request: { method: 'PUT', url: 'Organization/dup' } },
          { request: { method: 'DELETE', url: 'Organization/dup' } },
        ],
      });
      assert.equal(res.statusCode, 400);
      assert.equal((await t.app.inject({ url: '/fhir/R4/Organization/dup' })).statusCode, 404);
    });

    it('needs the admin token for its writes', async () => {
      const res = await post(t, { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Organization', name: 'Anon' }, request: { method: 'POST', url: 'Organization' } }] }, { 'content-type': 'application/fhir+json' });
      assert.equal(res.statusCode, 401);
      assert.equal(await total('Organization?name=Anon'), 0);
    });

    it('can read what it wrote, in processing order (writes before reads)', async () => {
      const res = await post(t, {
        resourceType: 'Bundle', type: 'transaction', entry: [
          { request: { method: 'GET', url: 'Organization/tx-read' } },
          { resource: { resourceType: 'Organization', id: 'tx-read', name: 'Read in txn' }, request: { method: 'PUT', url: 'Organization/tx-read' } },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      const [get, put] = json(res).entry;
      assert.equal(put.response.status, '201 Created');
      assert.equal(get.response.status, '200 OK');
      assert.equal(get.resource.name, 'Read in txn');
    });
  });

  describe('batch', () => {
    it('runs entries independently and reports failures as OperationOutcomes', async () => {
      const res = await post(t, {
        resourceType: 'Bundle', type: 'batch', entry: [
          { resource: { resourceType: 'Organization', name: 'Batch Org' }, request: { method: 'POST', url: 'Organization' } },
          { resource: { resourceType: 'Nonsense' }, request: { method: 'POST', url: 'Nonsense' } },
          { request: { method: 'GET', url: 'Organization/does-not-exist' } },
          { request: { method: 'GET', url: 'Organization?name=Batch' } },
          { request: { url: 'Organization' } },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      const bundle = json(res);
      assert.equal(bundle.type, 'batch-response');
      const statuses = bundle.entry.map((e: Loose) => e.response.status);
      assert.deepEqual(statuses, ['201 Created', '404 Not Found', '404 Not Found', '200 OK', '400 Bad Request']);
      assert.equal(bundle.entry[1].response.outcome.resourceType, 'OperationOutcome');
      assert.match(bundle.entry[4].response.outcome.issue[0].diagnostics, /^Bundle\.entry\[4\]: /);
      assert.equal(bundle.entry[3].resource.type, 'searchset');
      assert.equal(await total('Organization?name=Batch'), 1, 'the good entry was kept');
    });

    it('rejects a Bundle that is neither batch nor transaction', async () => {
      const res = await post(t, { resourceType: 'Bundle', type: 'collection', entry: [] });
      assert.equal(res.statusCode, 400);
      const notBundle = await post(t, { resourceType: 'Patient' });
      assert.equal(notBundle.statusCode, 400);
    });
  });
});
