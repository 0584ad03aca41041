/**
 * Which SearchParameters the server indexes and therefore supports: every one with a FHIRPath
 * expression of an indexable type, plus Location `near`. `_id` and `_lastUpdated` are resource
 * columns and always supported. Composite parameters are not indexed (yet). The store's
 * parameter table, the indexer and `/metadata` all take this one list, so they cannot disagree.
 */
import type { Registry, SearchParamDef } from '../definitions/types.js';

const INDEXED_TYPES = new Set(['string', 'token', 'reference', 'date', 'number', 'quantity', 'uri']);
const COLUMN_PARAMS = new Set(['_id', '_lastUpdated']);

/** True when `param` is stored in an index table. */
export function isIndexed(param: SearchParamDef): boolean {
  if (COLUMN_PARAMS.has(param.code) || !param.expression) return false;
  return INDEXED_TYPES.has(param.type) || (param.type === 'special' && param.code === 'near');
}

/** True when a search on `param` works on this server (indexed, or a resource column). */
export function isSearchable(param: SearchParamDef): boolean {
  return COLUMN_PARAMS.has(param.code) || isIndexed(param);
}

/** Every indexed (resource type, parameter) pair, for the store's parameter table. */
export function indexedParams(registry: Registry): { resourceType: string; code: string; type: string; url: string }[] {
  const out: { resourceType: string; code: string; type: string; url: string }[] = [];
  for (const resourceType of registry.resourceTypes()) {
    for (const param of registry.searchParams(resourceType).values()) {
      if (isIndexed(param)) out.push({ resourceType, code: param.code, type: param.type, url: param.url });
    }
  }
  return out;
}
