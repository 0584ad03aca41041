/**
 * Typed index rows extracted from a resource at write time, one per value a SearchParameter's
 * FHIRPath expression yields. The store writes them into one table per kind; search compiles
 * to SQL over those tables. `param` is the SearchParameter code for the resource's type.
 *
 * Ranges: dates and numbers are stored as [low, high) intervals so that precision is honoured
 * (`2020` covers the whole year; `100` covers [99.5, 100.5)). Dates are epoch milliseconds (UTC;
 * values without a time zone are taken as UTC).
 */
export type IndexRow =
  | StringIndexRow
  | TokenIndexRow
  | ReferenceIndexRow
  | DateIndexRow
  | NumberIndexRow
  | QuantityIndexRow
  | UriIndexRow
  | PositionIndexRow;

export interface StringIndexRow {
  kind: 'string';
  param: string;
  /** Lower-cased, accents removed, whitespace collapsed: used for the default prefix and :contains matches. */
  norm: string;
  /** The value as written: used for :exact. */
  exact: string;
}

export interface TokenIndexRow {
  kind: 'token';
  param: string;
  /** Coding.system / Identifier.system / ContactPoint.system... null when absent. */
  system: string | null;
  /** Coding.code / Identifier.value / boolean 'true'|'false' / code value... null when only text. */
  code: string | null;
  /** Normalised (as StringIndexRow.norm) display or text, for the :text modifier; null when none. */
  text: string | null;
}

export interface ReferenceIndexRow {
  kind: 'reference';
  param: string;
  /** For references to resources on this server (relative `Type/id`, or absolute under our base). */
  targetType: string | null;
  targetId: string | null;
  /** Absolute URL or canonical (version part stripped into urlVersion) when not a local reference. */
  url: string | null;
  urlVersion: string | null;
  /** Reference.identifier, for the :identifier modifier. */
  identifierSystem: string | null;
  identifierValue: string | null;
}

export interface DateIndexRow {
  kind: 'date';
  param: string;
  /** Inclusive lower bound, epoch ms. Open-ended periods use -8.64e15. */
  low: number;
  /** Exclusive upper bound, epoch ms. Open-ended periods use 8.64e15. */
  high: number;
}

export interface NumberIndexRow {
  kind: 'number';
  param: string;
  value: number;
  /** Implicit precision range [low, high) of the value as written. */
  low: number;
  high: number;
}

export interface QuantityIndexRow {
  kind: 'quantity';
  param: string;
  system: string | null;
  code: string | null;
  unit: string | null;
  value: number;
  low: number;
  high: number;
}

export interface UriIndexRow {
  kind: 'uri';
  param: string;
  uri: string;
}

/** Location.position, for `near`. One per resource at most. */
export interface PositionIndexRow {
  kind: 'position';
  param: string;
  latitude: number;
  longitude: number;
}

/** Turns a resource into its index rows. Built once from the registry; `extract` is pure. */
export interface Indexer {
  /** Index rows for every active SearchParameter of the resource's type (duplicates removed). */
  extract(resource: Record<string, unknown>): IndexRow[];
}
