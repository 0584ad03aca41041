/**
 * The search parameters listed in /metadata: exactly those the kernel's `isSearchable` accepts
 * (indexed ones, plus the `_id`/`_lastUpdated` columns) — the same rule that builds the store's
 * parameter table (`indexedParams` in @payerport/fhir), so the two cannot disagree.
 */
import { isSearchable, type Registry, type SearchParamDef } from '@payerport/fhir';

/** Searchable parameters of `type`, sorted by code. */
export function indexedSearchParams(registry: Registry, type: string): SearchParamDef[] {
  const out: SearchParamDef[] = [];
  for (const p of registry.searchParams(type).values()) if (isSearchable(p)) out.push(p);
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
