/**
 * Every example of each Plan-Net package is found by every search parameter that yields a
 * value for it (one case per example × parameter, generated from the example's index rows).
 * Each package version is loaded into its own environment: their examples share ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createIndexer } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { ENVIRONMENTS } from './environments.js';
import { json, openTestApp, testRegistry, type TestApp } from '../test-app.js';
import { exampleSearchCases, examplesByPackage } from './test-example-searches.js';

const PLAN_NET = 'hl7.fhir.us.davinci-pdex-plan-net@';
const registry = await testRegistry();
const indexer = createIndexer(registry, registry.resourceTypes());
const byVersion = examplesByPackage(registry, PLAN_NET);
const versions = [...byVersion.keys()];

describe('Plan-Net examples', () => {
  it('come from every loaded Plan-Net package', () => {
    assert.ok(versions.includes(`${PLAN_NET}1.1.0`), `loaded: ${versions.join(', ')}`);
    assert.ok(versions.length <= ENVIRONMENTS.length, 'one environment per version');
    for (const v of versions) assert.ok(byVersion.get(v)!.length >= 40, `${v}: ${byVersion.get(v)!.length} examples`);
  });
});

forEachDialect('Plan-Net examples × search parameters', (open) => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(open);
    for (const [i, v] of versions.entries()) await t.store.bulkLoad(ENVIRONMENTS[i]!.name, byVersion.get(v)!);
  });
  after(() => t?.app.close());

  for (const [i, v] of versions.entries()) {
    const prefix = ENVIRONMENTS[i]!.path;
    const cases = exampleSearchCases(byVersion.get(v)!, indexer);
    describe(v, () => {
      it('has cases for every parameter type the examples use', () => {
        assert.ok(cases.length > 300, `${cases.length} cases`);
      });
      for (const c of cases) {
        it(`${c.type}/${c.id} by ${c.param}`, async () => {
          const url = `${prefix}/${c.type}?${c.query}&_id=${encodeURIComponent(c.id)}&_elements=id`;
          const res = await t.app.inject({ url });
          assert.equal(res.statusCode, 200, `${url} → ${res.body.slice(0, 400)}`);
          const ids = (json(res).entry ?? []).map((e: { resource: { id: string } }) => e.resource.id);
          assert.deepEqual(ids, [c.id], url);
        });
      }
    });
  }
});
