/**
 * Prefix semantics on ranges, one predicate per prefix, as the R4 table words them
 * (https://hl7.org/fhir/R4/search.html#prefix). `value` is the resource's [low, high) range
 * (its precision), `search` the search value's. The SQL side states the same table in SQL.
 */
import type { Prefix } from './query.js';

export interface Range {
  readonly low: number;
  readonly high: number;
}

/** "the range of the search value fully contains the range of the target value" */
const contains = (v: Range, s: Range): boolean => s.low <= v.low && v.high <= s.high;

export const PREFIX_PREDICATES: Readonly<Record<Prefix, (value: Range, search: Range) => boolean>> = {
  eq: contains,
  ne: (v, s) => !contains(v, s),
  // "the range above the search value intersects (i.e. overlaps) with the range of the target value"
  gt: (v, s) => v.high > s.high,
  // "the range below the search value intersects (i.e. overlaps) with the range of the target value"
  lt: (v, s) => v.low < s.low,
  ge: (v, s) => v.high > s.high || contains(v, s),
  le: (v, s) => v.low < s.low || contains(v, s),
  // "does not overlap ... and the range above the search value contains the range of the target value"
  sa: (v, s) => v.low >= s.high,
  eb: (v, s) => v.high <= s.low,
  // The parser already widened an `ap` search range by 10 % (parse-value.ts): overlap is enough.
  ap: (v, s) => v.low < s.high && v.high > s.low,
};

export function rangeMatches(prefix: Prefix, value: Range, search: Range): boolean {
  return PREFIX_PREDICATES[prefix](value, search);
}

/**
 * Numbers and quantities compare the resource's exact value with the search value, as the R4
 * number section says (`lt100`: "less than exactly 100"); only `eq`/`ne`/`ap` use the search
 * value's precision range (`100` matches [99.5, 100.5)). Dates compare ranges (above).
 */
export function pointMatches(prefix: Prefix, value: number, search: Range & { readonly value: number }): boolean {
  switch (prefix) {
    case 'eq': case 'ap': return value >= search.low && value < search.high;
    case 'ne': return !(value >= search.low && value < search.high);
    case 'gt': case 'sa': return value > search.value;
    case 'lt': case 'eb': return value < search.value;
    case 'ge': return value >= search.value;
    case 'le': return value <= search.value;
  }
}
