/** Splitting and checking the request parameters search and history share. */
import { badRequest } from '@payerport/fhir';
import type { QueryPairs } from '../model/fhir-request.js';

/** `_count`: a non-negative integer, capped at the configured maximum. */
export function parseCount(value: string, max: number): number {
  if (!/^\d{1,9}$/.test(value)) throw badRequest(`_count must be a non-negative integer, got ${value}`, 'value', '_count');
  return Math.min(Number(value), max);
}

// Format parameters are the HTTP layer's business, not the search's: they never reach parseSearch.
const FORMAT_PARAMS: ReadonlySet<string> = new Set(['_format', '_pretty']);

/** The pairs parseSearch should see: query and form body merged, format parameters removed. */
export function searchPairs(all: QueryPairs): Array<readonly [string, string]> {
  return all.filter(([k]) => !FORMAT_PARAMS.has(k));
}
