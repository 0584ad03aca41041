/**
 * Every search parameter the Plan-Net server CapabilityStatements (1.1.0 and 1.2.0) declare
 * finds a resource of the sandbox by one of its own values: the IG examples leave some
 * parameters without a value (endpoints, coverage areas of services…), the synthetic directory
 * fills them. One case per (type, parameter), from the first resource that has a value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndexer } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { sandboxResources } from '../runtime/seed-sandbox.js';
import { testRegistry, type Loose } from '../test-app.js';
import { entriesOf, seededSandbox } from './test-doc-queries.js';
import { exampleSearchCases, type ExampleSearchCase } from './test-example-searches.js';

const registry = await testRegistry();
const indexer = createIndexer(registry, registry.resourceTypes());
const declared = new Map<string, Set<string>>();
for (const cs of registry.capabilityStatements().filter((c) => c.source.startsWith('hl7.fhir.us.davinci-pdex-plan-net@'))) {
  const server = (cs.resource.rest as Loose[] | undefined)?.find((r) => r.mode === 'server');
  for (const r of server?.resource ?? []) {
    const set = declared.get(r.type) ?? new Set<string>();
    for (const p of r.searchParam ?? []) set.add(p.name);
    declared.set(r.type, set);
  }
}

// One case per declared (type, parameter), from the first sandbox resource with a value for it.
const cases = new Map<string, ExampleSearchCase>();
for (const resource of sandboxResources(registry)) {
  const wanted = declared.get(resource.resourceType as string);
  if (wanted === undefined) continue;
  for (const c of exampleSearchCases([resource], indexer)) {
    const key = `${c.type}?${c.param}`;
    if (wanted.has(c.param) && !cases.has(key)) cases.set(key, c);
  }
}

describe('Plan-Net search parameter coverage', () => {
  // `_id` is not an index row: every case below searches by it; `_lastUpdated` is set by the store.
  const own = new Set(['_id', '_lastUpdated']);
  it('has a case for every declared parameter', () => {
    const missing = [...declared].flatMap(([type, params]) => [...params].filter((p) => !own.has(p) && !cases.has(`${type}?${p}`)).map((p) => `${type}?${p}`));
    assert.deepEqual(missing, []);
  });
});

forEachDialect('Plan-Net search parameters on the sandbox', (open) => {
  const { get } = seededSandbox(open);

  for (const c of cases.values()) {
    it(`${c.type}?${c.param} finds ${c.id}`, async () => {
      const url = `/sandbox/fhir/R4/${c.type}?${c.query}&_id=${encodeURIComponent(c.id)}&_elements=id`;
      assert.deepEqual(entriesOf(await get(url), 'match').map((r) => r.id), [c.id], url);
    });
  }

  it('_lastUpdated finds what was loaded since a moment before', async () => {
    for (const type of declared.keys()) {
      const res = await get(`/sandbox/fhir/R4/${type}?_lastUpdated=ge2020-01-01&_count=1`);
      assert.equal(res.entry?.length, 1, type);
      const none = await get(`/sandbox/fhir/R4/${type}?_lastUpdated=lt2020-01-01&_count=1`);
      assert.equal(none.entry, undefined, type);
    }
  });
});
