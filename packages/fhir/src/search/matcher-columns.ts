/**
 * `_id` and `_lastUpdated` are resource columns in the store, not index rows: match them on
 * Resource.id and Resource.meta.lastUpdated. https://hl7.org/fhir/R4/search.html#all
 */
import { dateRange } from '../indexing/normalize.js';
import { rangeMatches } from './matcher-ranges.js';
import type { Modifier, SearchValue } from './query.js';

type Resource = Record<string, unknown>;

export function matchesId(resource: Resource, modifier: Modifier | undefined, values: readonly SearchValue[]): boolean {
  const id = typeof resource['id'] === 'string' ? resource['id'] : undefined;
  const missing = values.find((v) => v.kind === 'missing');
  if (missing) return (id === undefined) === missing.missing;
  const hit = id !== undefined && values.some((v) => {
    // `_id=Practitioner/123` arrives as a token with the type as its system.
    if (v.kind === 'token') return v.code === id && (v.system === undefined || v.system === resource['resourceType']);
    if (v.kind === 'string') return v.raw === id;
    if (v.kind === 'reference') return v.id === id && (v.targetType === undefined || v.targetType === resource['resourceType']);
    return false;
  });
  return modifier === 'not' ? !hit : hit;
}

export function matchesLastUpdated(resource: Resource, values: readonly SearchValue[]): boolean {
  const meta = resource['meta'];
  const text = typeof meta === 'object' && meta !== null ? (meta as Resource)['lastUpdated'] : undefined;
  const range = typeof text === 'string' ? dateRange(text) : undefined;
  return values.some((v) => {
    if (v.kind === 'missing') return (range === undefined) === v.missing;
    return v.kind === 'date' && range !== undefined && rangeMatches(v.prefix, range, v);
  });
}
