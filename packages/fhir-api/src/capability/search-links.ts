/**
 * `searchInclude` / `searchRevInclude` of each type in the CapabilityStatement, derived from
 * the indexed reference parameters. https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource.searchInclude
 */
import type { Registry } from '@payerport/fhir';
import { indexedSearchParams } from './indexed-params.js';

/** `Type:param` for each reference parameter of `type`, plus `*`. */
export function searchIncludes(registry: Registry, type: string): string[] {
  const refs = indexedSearchParams(registry, type).filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`);
  return refs.length > 0 ? [...refs, '*'] : [];
}

/** Map from each type to the `Other:param` reference parameters that can point at it. */
export function revIncludeIndex(registry: Registry, types: readonly string[]): Map<string, string[]> {
  const served = new Set(types);
  const index = new Map<string, string[]>();
  for (const source of types) {
    for (const p of indexedSearchParams(registry, source)) {
      if (p.type !== 'reference') continue;
      const targets = p.target.length > 0 ? p.target.filter((t) => served.has(t)) : types;
      for (const target of targets) {
        let list = index.get(target);
        if (!list) index.set(target, (list = []));
        list.push(`${source}:${p.code}`);
      }
    }
  }
  return index;
}
