/**
 * Test suite, per IG: what the IG's server CapabilityStatement requires, checked against what we
 * serve — every search parameter, _include and _revinclude it lists for a type appears in our
 * /metadata, and every _include / _revinclude returns exactly the resources the loaded examples
 * reference (the expected set is computed from the examples' index rows, not written by hand).
 * Each version of the IG is loaded into its own environment (their examples share ids).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createIndexer, type Indexer, type ReferenceIndexRow } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { ENVIRONMENTS } from './environments.js';
import { json, openTestApp, testRegistry, type Loose, type TestApp } from '../test-app.js';
import { examplesByPackage } from './test-example-searches.js';


interface CsResource { type: string; searchParam?: { name: string }[]; searchInclude?: string[]; searchRevInclude?: string[] }
/** `Type/id` of every resource of type `source` and the references its `param` holds, as index rows say. */
function references(indexer: Indexer, examples: readonly Record<string, unknown>[], sourceType: string, param: string): [string, string][] {
  const out: [string, string][] = [];
  for (const r of examples) {
    if (r.resourceType !== sourceType) continue;
    for (const row of indexer.extract(r)) {
      if (row.kind !== 'reference' || row.param !== param) continue;
      const ref = row as ReferenceIndexRow;
      if (ref.targetType !== null && ref.targetId !== null) out.push([`${sourceType}/${String(r.id)}`, `${ref.targetType}/${ref.targetId}`]);
    }
  }
  return out;
}

/** `_include` values as the CapabilityStatement writes them: `Type:param`, or (US Drug Formulary) `param` alone. */
const qualified = (type: string, value: string): string => (value.includes(':') ? value : `${type}:${value}`);

/** The suite for the packages whose source (`id@version`) starts with `igPrefix`. */
export async function capabilityCoverageSuite(name: string, igPrefix: string): Promise<void> {
  const registry = await testRegistry();
  const indexer = createIndexer(registry, registry.resourceTypes());
  const byVersion = examplesByPackage(registry, igPrefix);
  const versions = [...byVersion.keys()];
  const statements = registry.capabilityStatements()
    .filter((cs) => cs.source.startsWith(igPrefix) && (cs.resource.rest as Loose[] | undefined)?.some((r) => r.mode === 'server'));

  describe(`the ${name} server CapabilityStatement`, () => {
    it('is shipped by each loaded package', () => {
      assert.equal(statements.length, versions.length, statements.map((c) => c.source).join(', '));
      assert.ok(versions.length > 0 && versions.length <= ENVIRONMENTS.length, versions.join(', '));
    });
  });

  forEachDialect(`${name} CapabilityStatement coverage`, (open) => {
    let t: TestApp;
    let ours: Map<string, Loose>;
    before(async () => {
      t = await openTestApp(open);
      for (const [i, v] of versions.entries()) await t.store.bulkLoad(ENVIRONMENTS[i]!.name, byVersion.get(v)!);
      const metadata = json(await t.app.inject({ url: '/fhir/R4/metadata' }));
      ours = new Map(metadata.rest[0].resource.map((r: Loose) => [r.type, r]));
    });
    after(() => t?.app.close());

    for (const cs of statements) {
      const envIndex = versions.indexOf(cs.source);
      const prefix = ENVIRONMENTS[envIndex]?.path ?? '/fhir/R4';
      const examples = byVersion.get(cs.source) ?? [];
      const exists = new Set(examples.map((r) => `${String(r.resourceType)}/${String(r.id)}`));
      const resources = (cs.resource.rest as Loose[]).find((r) => r.mode === 'server').resource as CsResource[];

      describe(cs.source, () => {
        for (const r of resources) {
          it(`${r.type}: every listed search parameter, _include and _revinclude is in our /metadata`, () => {
            const served = ours.get(r.type);
            assert.ok(served, `${r.type} is not served`);
            const names = new Set((served.searchParam ?? []).map((p: Loose) => p.name));
            const missing = (r.searchParam ?? []).map((p) => p.name).filter((n) => !names.has(n));
            assert.deepEqual(missing, [], `${r.type} lacks search parameters`);
            const includes = new Set(served.searchInclude ?? []);
            assert.deepEqual((r.searchInclude ?? []).map((i) => qualified(r.type, i)).filter((i) => !includes.has(i)), [], `${r.type} lacks _include values`);
            const revincludes = new Set(served.searchRevInclude ?? []);
            assert.deepEqual((r.searchRevInclude ?? []).filter((i) => !revincludes.has(i)), [], `${r.type} lacks _revinclude values`);
          });

          for (const include of (r.searchInclude ?? []).map((i) => qualified(r.type, i))) {
            it(`${r.type}?_include=${include} returns exactly the referenced resources`, async () => {
              const [sourceType, param] = include.split(':') as [string, string];
              const expected = new Set(references(indexer, examples, sourceType, param).map(([, target]) => target).filter((x) => exists.has(x)));
              const bundle = json(await t.app.inject({ url: `${prefix}/${r.type}?_include=${include}&_count=1000` }));
              const included = (bundle.entry ?? []).filter((e: Loose) => e.search.mode === 'include').map((e: Loose) => `${e.resource.resourceType}/${e.resource.id}`);
              const matched = new Set((bundle.entry ?? []).filter((e: Loose) => e.search.mode === 'match').map((e: Loose) => `${e.resource.resourceType}/${e.resource.id}`));
              // A referenced resource that is also a match is not repeated as an include.
              assert.deepEqual(new Set(included), new Set([...expected].filter((x) => !matched.has(x))));
            });
          }

          for (const revinclude of r.searchRevInclude ?? []) {
            it(`${r.type}?_revinclude=${revinclude} returns exactly the referring resources`, async () => {
              const [sourceType, param] = revinclude.split(':') as [string, string];
              const expected = new Set(references(indexer, examples, sourceType, param)
                .filter(([, target]) => target.startsWith(`${r.type}/`) && exists.has(target)).map(([from]) => from));
              const bundle = json(await t.app.inject({ url: `${prefix}/${r.type}?_revinclude=${revinclude}&_count=1000` }));
              const included = (bundle.entry ?? []).filter((e: Loose) => e.search.mode === 'include').map((e: Loose) => `${e.resource.resourceType}/${e.resource.id}`);
              assert.deepEqual(new Set(included), expected);
            });
          }
        }
      });
    }
  });
}
