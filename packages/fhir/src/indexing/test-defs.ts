/**
 * Test-only SearchParamDefs built straight from the real definitions (the R4 base bundle and
 * IG package tarballs), so indexing tests do not depend on the registry loader. Not exported
 * from the package. Package directory: the first of `testPackageDirs()` (FHIR_PACKAGES, else ../shared/fhir-packages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tar from 'tar';
import type { SearchParamDef, SearchParamType } from '../definitions/types.js';
import { testPackageDirs } from '../testing.js';
import type { Indexer } from './index-row.js';
import { createIndexer, type CompiledIndexer, type SearchParamSource } from './indexer.js';
import { isResourceTypeName, r4Model } from './r4-model.js';

type Json = Record<string, unknown>;

export const PLAN_NET = 'hl7.fhir.us.davinci-pdex-plan-net-1.1.0.tgz';
const BASE_BUNDLE = 'hl7.fhir.r4.core-4.0.1-search-parameters.json';

export function fhirPackagesDir(): string {
  return testPackageDirs()[0] ?? 'FHIR_PACKAGES is not set and ../shared/fhir-packages does not exist';
}

/** Every concrete R4 resource type, sorted (from the fhirpath.js R4 model). */
export const RESOURCE_TYPES: readonly string[] = Object.keys(r4Model.type2Parent).filter(isResourceTypeName).sort();

/** The JSON files of a package tarball, by path inside it (`package/example/X.json`). */
export function readPackage(file: string): Map<string, Json> {
  const files = new Map<string, Json>();
  tar.t({
    file: join(fhirPackagesDir(), file),
    sync: true,
    onReadEntry: (entry) => {
      if (!entry.path.endsWith('.json')) return entry.resume();
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => files.set(entry.path, JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '')) as Json));
    },
  });
  return files;
}

/** A SearchParameter resource as the server's SearchParamDef. */
export function toDef(sp: Json, source: string): SearchParamDef {
  const base = (sp['base'] as string[]).flatMap((b) =>
    b === 'Resource' ? RESOURCE_TYPES : b === 'DomainResource' ? RESOURCE_TYPES.filter((t) => r4Model.type2Parent[t] === 'DomainResource') : [b]);
  return {
    url: sp['url'] as string,
    code: sp['code'] as string,
    type: sp['type'] as SearchParamType,
    base,
    expression: sp['expression'] as string | undefined,
    target: (sp['target'] as string[] | undefined) ?? [],
    components: (sp['component'] as { definition: string; expression: string }[] | undefined),
    source,
    description: sp['description'] as string | undefined,
  };
}

export interface TestDefs extends SearchParamSource {
  readonly resourceTypes: readonly string[];
  searchParam(type: string, code: string): SearchParamDef;
  /** Example resources of the loaded IG packages. */
  readonly examples: readonly Json[];
}

const cache = new Map<string, TestDefs>();

/** Base R4 parameters, overridden (same type and code) by those of the given IG tarballs. */
export function loadTestDefs(igPackages: readonly string[] = [PLAN_NET]): TestDefs {
  const cacheKey = igPackages.join(',');
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const byType = new Map<string, Map<string, SearchParamDef>>();
  const add = (def: SearchParamDef) => {
    for (const type of def.base) {
      if (!byType.has(type)) byType.set(type, new Map());
      byType.get(type)!.set(def.code, def);
    }
  };
  const bundle = JSON.parse(readFileSync(join(fhirPackagesDir(), BASE_BUNDLE), 'utf8')) as { entry: { resource: Json }[] };
  for (const { resource } of bundle.entry) add(toDef(resource, 'hl7.fhir.r4.core@4.0.1'));
  const examples: Json[] = [];
  for (const pkg of igPackages) {
    const files = readPackage(pkg);
    const manifest = files.get('package/package.json') ?? {};
    const source = `${String(manifest['name'])}@${String(manifest['version'])}`;
    for (const [path, json] of files) {
      if (json['resourceType'] === 'SearchParameter' && !path.includes('/example/')) add(toDef(json, source));
      else if (path.startsWith('package/example/') && typeof json['resourceType'] === 'string') examples.push(json);
    }
  }
  const empty = new Map<string, SearchParamDef>();
  const defs: TestDefs = {
    resourceTypes: RESOURCE_TYPES,
    searchParams: (type) => byType.get(type) ?? empty,
    searchParam: (type, code) => {
      const def = byType.get(type)?.get(code);
      if (!def) throw new Error(`test-defs: no search parameter ${type}.${code}`);
      return def;
    },
    examples,
  };
  cache.set(cacheKey, defs);
  return defs;
}

/** Shared indexer over base R4 + Plan-Net, for tests. */
let shared: CompiledIndexer | undefined;
export function testIndexer(): CompiledIndexer {
  return (shared ??= createIndexer(loadTestDefs(), RESOURCE_TYPES, { baseUrls: ['https://payer.example/fhir/R4'] }));
}

/** The rows of one parameter of a resource, without the `param` field (for deepEqual). */
export function rowsFor(resource: Json, code: string, indexer: Indexer = testIndexer()): Json[] {
  return indexer.extract(resource).filter((r) => r.param === code).map(({ param: _param, ...rest }): Json => rest);
}

/** A parameter made up for a test (for datatypes no base parameter reaches). */
export function customDef(code: string, type: SearchParamType, expression: string, base: string[]): SearchParamDef {
  return { url: `http://test/${code}`, code, type, base, expression, target: [], source: 'test' };
}

/** An indexer over just the given parameters. */
export function indexerFor(defs: readonly SearchParamDef[]): CompiledIndexer {
  return createIndexer({
    searchParams: (type) => new Map(defs.filter((d) => d.base.includes(type)).map((d) => [d.code, d])),
  }, RESOURCE_TYPES);
}
