import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { FhirError, createIndexer, indexedParams } from '@payerport/fhir';
import type { Store } from '@payerport/store';
import { forEachDialect } from '@payerport/store/testing';
import { createFhirApi, type FhirApi } from '../router.js';
import { fhirRequest, type FhirRequest, type RequestFields } from '../model/fhir-request.js';
import { parseRoute } from '../model/parse-route.js';
import { testRegistry } from '@payerport/fhir/testing';

const BASE = 'http://h/fhir/R4';

/** A request as the HTTP adapter would build it. */
const request = (method: string, path: string, extra: Partial<RequestFields> = {}): FhirRequest =>
  fhirRequest(parseRoute(method, path), { method, query: [], headers: {}, env: 'production', baseUrl: BASE, isAdmin: false, ...extra });

forEachDialect('fhir-api without HTTP', (open) => {
  let api: FhirApi;
  let store: Store;
  before(async () => {
    const registry = await testRegistry();
    store = await open({ indexer: createIndexer(registry, registry.resourceTypes()), paramTypes: indexedParams(registry) });
    await store.ensureEnvironment('production');
    api = createFhirApi({ registry, store, environments: [{ name: 'production', baseUrl: BASE }], defaultCount: 10, maxCount: 50, writesEnabled: true });
  });

  it('creates as admin and reads back the stored text unchanged', async () => {
    const createdRes = await api.handle(request('POST', 'Organization', { isAdmin: true, body: { resourceType: 'Organization', name: 'Direct' } }));
    assert.equal(createdRes.status, 201);
    const id = JSON.parse(createdRes.body as string).id as string;
    const read = await api.handle(request('GET', `Organization/${id}`));
    assert.equal(read.status, 200);
    assert.equal(read.body, (await store.read('production', 'Organization', id))!.json);
    assert.equal(read.headers?.etag, 'W/"1"');
  });

  it('throws FhirError for client errors instead of answering them', async () => {
    await assert.rejects(api.handle(request('GET', 'Organization/missing')), (e: unknown) => e instanceof FhirError && e.status === 404);
    await assert.rejects(api.handle(request('GET', 'Nonsense/1')), (e: unknown) => e instanceof FhirError && e.status === 404);
    await assert.rejects(api.handle(request('GET', 'Organization/bad_id')), (e: unknown) => e instanceof FhirError && e.status === 400);
    await assert.rejects(api.handle(request('GET', '$export', { isAdmin: true })), (e: unknown) => e instanceof FhirError && e.status === 404);
    // Operations read data: without a token they are refused before being looked up.
    await assert.rejects(api.handle(request('GET', '$export')), (e: unknown) => e instanceof FhirError && e.status === 401);
    await assert.rejects(api.handle(request('GET', '')), (e: unknown) => e instanceof FhirError && e.status === 405);
    await assert.rejects(api.handle(request('GET', 'metadata', { env: 'staging' })), (e: unknown) => e instanceof FhirError && e.status === 404);
  });

  it('serves the CapabilityStatement text built at creation', async () => {
    const res = await api.handle(request('GET', 'metadata'));
    assert.equal(res.body, api.capabilityStatement('production'));
    assert.equal(JSON.parse(res.body as string).implementation.url, BASE);
  });
});
