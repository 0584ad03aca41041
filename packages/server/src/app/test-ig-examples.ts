/**
 * Test suite, per IG: every example of each version of the IG is found by every search
 * parameter that yields a value for it (one case per example × parameter, generated from the
 * example's index rows). Each version is loaded into its own environment: their examples share ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createIndexer } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { ENVIRONMENTS } from './environments.js';
import { json, openTestApp, testRegistry, type TestApp } from '../test-app.js';
import { exampleSearchCases, examplesByPackage } from './test-example-searches.js';

export interface ExampleSuiteExpectations {
  /** Versions (`id@version`) that must be loaded. */
  readonly versions: readonly string[];
  /** At least this many examples per version, and this many cases per version. */
  readonly minExamples: number;
  readonly minCases: number;
}

/** The suite for the packages whose source (`id@version`) starts with `igPrefix`. */
export async function exampleSearchSuite(name: string, igPrefix: string, expect: ExampleSuiteExpectations): Promise<void> {
  const registry = await testRegistry();
  const indexer = createIndexer(registry, registry.resourceTypes());
  const byVersion = examplesByPackage(registry, igPrefix);
  const versions = [...byVersion.keys()];

  describe(`${name} examples`, () => {
    it('come from every expected package, one environment each', () => {
      for (const v of expect.versions) assert.ok(versions.includes(v), `${v} not loaded: ${versions.join(', ')}`);
      assert.ok(versions.length <= ENVIRONMENTS.length, 'one environment per version');
      for (const v of versions) assert.ok(byVersion.get(v)!.length >= expect.minExamples, `${v}: ${byVersion.get(v)!.length} examples`);
    });
  });

  forEachDialect(`${name} examples × search parameters`, (open) => {
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
        it('has cases for the parameters the examples use', () => {
          assert.ok(cases.length >= expect.minCases, `${cases.length} cases`);
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
}
