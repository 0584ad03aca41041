/**
 * A parsed FHIR search: what the URL asked for, validated against the SearchParameter
 * registry, independent of HTTP and SQL. The store compiles it to SQL; the in-memory
 * matcher evaluates it against a resource (the test oracle).
 * https://hl7.org/fhir/R4/search.html
 */
import type { SearchParamDef } from '../definitions/types.js';
import type { SearchAccess } from './access.js';

/** Search prefixes — https://hl7.org/fhir/R4/search.html#prefix */
export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';

export type Modifier =
  | 'exact' | 'contains' | 'missing' | 'not' | 'text' | 'identifier' | 'above' | 'below' | 'type';

/** One value of a search parameter (comma-separated values are OR-ed). */
export type SearchValue =
  | { kind: 'string'; raw: string; norm: string }
  /** system undefined = any system; system '' = no system (`|code`); code undefined = `system|` (any code). */
  | { kind: 'token'; system: string | undefined; code: string | undefined }
  /** :text on a token: normalised text. */
  | { kind: 'token-text'; norm: string }
  /** A reference value: `id`, `Type/id`, or an absolute/canonical url (url set, type/id unset). */
  | { kind: 'reference'; targetType: string | undefined; id: string | undefined; url: string | undefined; version: string | undefined }
  /** :identifier on a reference parameter. */
  | { kind: 'identifier'; system: string | undefined; value: string | undefined }
  /** Search value range [low, high) in epoch ms, from the value's precision. */
  | { kind: 'date'; prefix: Prefix; low: number; high: number; raw: string }
  | { kind: 'number'; prefix: Prefix; value: number; low: number; high: number; raw: string }
  | { kind: 'quantity'; prefix: Prefix; value: number; low: number; high: number; system: string | undefined; code: string | undefined; raw: string }
  | { kind: 'uri'; uri: string }
  | { kind: 'near'; latitude: number; longitude: number; distanceKm: number }
  | { kind: 'missing'; missing: boolean };

export type SearchFilter =
  /** A parameter of the searched type with its OR-ed values. `_id` and `_lastUpdated` come here too. */
  | { kind: 'param'; param: SearchParamDef; modifier: Modifier | undefined; values: SearchValue[] }
  /** `ref.chained=...` / `ref:Type.chained=...`: resources whose reference `param` points at a target matching `filter`. */
  | { kind: 'chain'; param: SearchParamDef; targetTypes: string[]; filter: SearchFilter }
  /** `_has:Type:param:filter`: resources referenced (through `param` of `type`) by a `type` resource matching `filter`. */
  | { kind: 'has'; type: string; param: SearchParamDef; filter: SearchFilter };

export interface SortKey {
  param: SearchParamDef;
  descending: boolean;
}

/** `_include` / `_revinclude` — https://hl7.org/fhir/R4/search.html#include */
export interface IncludeSpec {
  /** The type holding the reference (for `_include` the searched type or, with :iterate, any included type). */
  sourceType: string;
  /** The reference parameter; undefined for `*` (every reference parameter of sourceType). */
  param: SearchParamDef | undefined;
  /** Optional target type restriction (`_include=PractitionerRole:practitioner:Practitioner`). */
  targetType: string | undefined;
  iterate: boolean;
}

export type SummaryMode = 'true' | 'false' | 'text' | 'data' | 'count';
export type TotalMode = 'none' | 'estimate' | 'accurate';

export interface SearchQuery {
  type: string;
  /** AND-ed filters. */
  filters: SearchFilter[];
  sort: SortKey[];
  /** Page size, already capped at the configured maximum. */
  count: number;
  /** Opaque paging cursor issued by the store (`_cursor`), if this is not the first page. */
  cursor: string | undefined;
  total: TotalMode;
  summary: SummaryMode | undefined;
  /** `_elements`, top-level element names. */
  elements: string[] | undefined;
  includes: IncludeSpec[];
  revincludes: IncludeSpec[];
  /** Parameters ignored under `Prefer: handling=lenient`, with the reason, reported in the Bundle. */
  ignored: { name: string; reason: string }[];
  /** The caller's view (scopes, compartment), set by the API after parsing; undefined = everything. */
  access?: SearchAccess | undefined;
}
