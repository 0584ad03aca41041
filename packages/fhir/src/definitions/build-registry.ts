/**
 * Assembles the Registry from the base definitions and the loaded IG packages' contents.
 */
import { baseStructureDefinitionEntries, CORE_REF, type BaseResourceTypes } from './base-definitions.js';
import { CanonicalIndex } from './canonical-index.js';
import { DefinitionRegistry, type RawExample } from './definition-registry.js';
import type { CanonicalEntry, PackageContents } from './package-contents.js';
import type { ConcreteTypes } from './search-param-defs.js';
import type { RegistryLogger } from './registry-logger.js';
import { buildSearchParamTable, type SearchParamSource } from './search-param-table.js';
import type { LoadedPackage, ProfileInfo, Registry } from './types.js';

type Json = Record<string, unknown>;

export interface RegistryInputs {
  readonly baseResourceTypes: BaseResourceTypes;
  readonly core: { readonly searchParameters: readonly Json[]; readonly location: string; readonly canonicals: readonly CanonicalEntry[] };
  /** Where the base StructureDefinitions were read from, for packages(). */
  readonly baseLocation: string;
  /** IG packages, dependencies first. */
  readonly packages: readonly PackageContents[];
  readonly logger: RegistryLogger;
}

/** Builds every table once; the Registry itself only looks things up. */
export function buildRegistry(inputs: RegistryInputs): Registry {
  const resourceTypes = inputs.baseResourceTypes.infos;
  const all = [...resourceTypes.keys()].sort();
  const types: ConcreteTypes = { all, domain: [...inputs.baseResourceTypes.domainTypes].sort(), known: new Set(all) };

  const coreSource = `${CORE_REF.id}@${CORE_REF.version}`;
  const origins: SearchParamSource[] = [
    { searchParameters: inputs.core.searchParameters, source: coreSource, fromBase: true, packageId: CORE_REF.id, packageVersion: CORE_REF.version, packageDate: '' },
    ...inputs.packages.map((p) => ({
      searchParameters: p.searchParameters,
      source: p.source,
      fromBase: false,
      packageId: p.info.id,
      packageVersion: p.info.version,
      packageDate: p.date,
    })),
  ];
  const searchParams = buildSearchParamTable(origins, types, inputs.logger);

  const canonicals = new CanonicalIndex();
  inputs.core.canonicals.forEach((e) => canonicals.add(e));
  canonicals.addFallback(baseStructureDefinitionEntries);
  for (const p of inputs.packages) p.canonicals.forEach((e) => canonicals.add(e));

  const coreInfo: LoadedPackage = Object.freeze({
    ...CORE_REF,
    igUrl: 'http://hl7.org/fhir',
    title: 'FHIR R4 base specification',
    location: `${inputs.baseLocation} + ${inputs.core.location}`,
  });
  const examples: RawExample[] = inputs.packages.flatMap((p) => p.examples.map((packed) => ({ source: p.source, packed })));

  return new DefinitionRegistry({
    resourceTypes,
    searchParams,
    profiles: profilesByType(inputs.packages),
    packages: Object.freeze([coreInfo, ...inputs.packages.map((p) => p.info)]),
    capabilityStatements: Object.freeze(inputs.packages.flatMap((p) => p.capabilityStatements)),
    examples,
    canonicals,
  });
}

function profilesByType(packages: readonly PackageContents[]): Map<string, readonly ProfileInfo[]> {
  const byType = new Map<string, ProfileInfo[]>();
  for (const profile of packages.flatMap((p) => p.profiles)) {
    const list = byType.get(profile.type) ?? [];
    list.push(profile);
    byType.set(profile.type, list);
  }
  return new Map([...byType].map(([type, list]) => [type, Object.freeze(list)]));
}
