/**
 * The facts the server takes from FHIR definitions (base R4 + IG packages).
 * Everything search, indexing, `_summary` and `/metadata` do is driven by these records.
 */

/** SearchParameter.type — https://hl7.org/fhir/R4/valueset-search-param-type.html */
export type SearchParamType =
  | 'number' | 'date' | 'string' | 'token' | 'reference' | 'composite' | 'quantity' | 'uri' | 'special';

/** One SearchParameter as the server uses it, already resolved for the types it applies to. */
export interface SearchParamDef {
  /** Canonical URL of the SearchParameter resource it came from. */
  readonly url: string;
  /** The name used in queries (`SearchParameter.code`), e.g. `name`, `address-city`, `_id`. */
  readonly code: string;
  readonly type: SearchParamType;
  /** Resource types this parameter applies to (`Resource`/`DomainResource` already expanded). */
  readonly base: readonly string[];
  /** FHIRPath expression; undefined for parameters with no expression (e.g. `_text`, `near` special handling). */
  readonly expression: string | undefined;
  /** For reference parameters: allowed target resource types (empty = any). */
  readonly target: readonly string[];
  /** For composite parameters: component definitions (url of the component parameter + expression). */
  readonly components?: readonly { readonly definition: string; readonly expression: string }[];
  /** Where it was defined: `package-id@version`. */
  readonly source: string;
  /** SearchParameter.description, for /metadata and the API directory. */
  readonly description?: string;
  /**
   * String parameters: a value matches the start of any word, not only of the whole text
   * (payerport's `search-matches-words` extension on the SearchParameter; decision 0010).
   */
  readonly matchesWords?: boolean;
}

/** Element facts from a StructureDefinition snapshot (base resource definitions). */
export interface ElementInfo {
  /** Path without the resource type, e.g. `name`, `name.given`, `value[x]`. */
  readonly path: string;
  readonly min: number;
  /** `*` or a number as a string, as in FHIR. */
  readonly max: string;
  readonly isSummary: boolean;
  /** Type codes, e.g. ['HumanName'], ['Reference'], ['Quantity','string'] for choice elements. */
  readonly types: readonly string[];
}

/** Facts about one resource type (from the base StructureDefinition). */
export interface ResourceTypeInfo {
  readonly type: string;
  /** Top-level elements keyed by their JSON name (choice elements keyed as `value[x]`). */
  readonly elements: ReadonlyMap<string, ElementInfo>;
  /** JSON names of top-level elements that `_summary=true` keeps (isSummary, plus id/meta/implicitRules). */
  readonly summaryElements: ReadonlySet<string>;
  /** Top-level elements with min >= 1 (kept by `_elements` and `_summary=data` rules). */
  readonly mandatoryElements: ReadonlySet<string>;
}

/** A loaded FHIR package (IG or core). */
export interface LoadedPackage {
  readonly id: string;
  readonly version: string;
  /** Canonical URL of the ImplementationGuide resource, if the package has one. */
  readonly igUrl?: string;
  readonly title?: string;
  /** Where it was loaded from (directory or tarball path). */
  readonly location: string;
}

/** A profile (constraining StructureDefinition) from an IG package. */
export interface ProfileInfo {
  readonly url: string;
  readonly version?: string;
  readonly name: string;
  readonly type: string;
  readonly source: string;
}

/** A CapabilityStatement shipped in an IG (e.g. the Plan-Net server statement). */
export interface IgCapabilityStatement {
  readonly url: string;
  readonly source: string;
  readonly resource: Record<string, unknown>;
}

/** Read-only view of all definitions the server runs with. Built once at start-up. */
export interface Registry {
  /** FHIR version served. */
  readonly fhirVersion: '4.0.1';
  /** Every concrete resource type of the base specification, sorted. */
  resourceTypes(): readonly string[];
  /** Facts about a resource type, or undefined for an unknown type. */
  resourceType(type: string): ResourceTypeInfo | undefined;
  /** All search parameters applicable to a resource type, keyed by code (including `_id`, `_lastUpdated`, `_tag`...). */
  searchParams(type: string): ReadonlyMap<string, SearchParamDef>;
  /** One search parameter by resource type and code. */
  searchParam(type: string, code: string): SearchParamDef | undefined;
  /** Profiles from the loaded IG packages constraining a resource type. */
  profiles(type: string): readonly ProfileInfo[];
  /** Packages loaded, in load order (core first). */
  packages(): readonly LoadedPackage[];
  /** CapabilityStatements shipped by IG packages. */
  capabilityStatements(): readonly IgCapabilityStatement[];
  /** Example resources shipped in the loaded IG packages (`package/example/*.json`), for the sandbox and tests. */
  examples(): Iterable<{ readonly source: string; readonly resource: Record<string, unknown> }>;
  /** Any resource from a loaded package by canonical URL (optionally `url|version`). */
  resolveCanonical(url: string): Record<string, unknown> | undefined;
}
