/**
 * The read-only Registry the server runs with, over tables built once by loadRegistry.
 */
import type { CanonicalIndex } from './canonical-index.js';
import { unpack } from './package-contents.js';
import type {
  IgCapabilityStatement,
  LoadedPackage,
  ProfileInfo,
  Registry,
  ResourceTypeInfo,
  SearchParamDef,
} from './types.js';

/** An example file (deflated, package-contents.ts `pack`) and the package it came from. */
export interface RawExample {
  readonly source: string;
  readonly packed: Uint8Array;
}

export interface RegistryTables {
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  readonly searchParams: ReadonlyMap<string, ReadonlyMap<string, SearchParamDef>>;
  readonly profiles: ReadonlyMap<string, readonly ProfileInfo[]>;
  readonly packages: readonly LoadedPackage[];
  readonly capabilityStatements: readonly IgCapabilityStatement[];
  readonly examples: readonly RawExample[];
  readonly canonicals: CanonicalIndex;
}

const NO_PARAMS: ReadonlyMap<string, SearchParamDef> = new Map();

export class DefinitionRegistry implements Registry {
  readonly fhirVersion = '4.0.1' as const;
  private readonly typeNames: readonly string[];

  constructor(private readonly tables: RegistryTables) {
    this.typeNames = Object.freeze([...tables.resourceTypes.keys()].sort());
  }

  resourceTypes(): readonly string[] {
    return this.typeNames;
  }

  resourceType(type: string): ResourceTypeInfo | undefined {
    return this.tables.resourceTypes.get(type);
  }

  searchParams(type: string): ReadonlyMap<string, SearchParamDef> {
    return this.tables.searchParams.get(type) ?? NO_PARAMS;
  }

  searchParam(type: string, code: string): SearchParamDef | undefined {
    return this.tables.searchParams.get(type)?.get(code);
  }

  profiles(type: string): readonly ProfileInfo[] {
    return this.tables.profiles.get(type) ?? [];
  }

  packages(): readonly LoadedPackage[] {
    return this.tables.packages;
  }

  capabilityStatements(): readonly IgCapabilityStatement[] {
    return this.tables.capabilityStatements;
  }

  /** Parsed afresh on each iteration, so callers own (and may change) what they get. */
  *examples(): Iterable<{ readonly source: string; readonly resource: Record<string, unknown> }> {
    for (const { source, packed } of this.tables.examples) {
      const resource = parseResource(unpack(packed));
      if (resource) yield { source, resource };
    }
  }

  resolveCanonical(url: string): Record<string, unknown> | undefined {
    return this.tables.canonicals.resolve(url);
  }
}

/** A resource, or undefined for files that are not one (e.g. a JSON Schema shipped among examples). */
function parseResource(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(bytes.toString('utf8')) as unknown;
    const isResource = typeof json === 'object' && json !== null && typeof (json as { resourceType?: unknown }).resourceType === 'string';
    return isResource ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
