/**
 * Test-only helpers for matcher tests: search values built the way the parser builds them
 * (same normalize.ts), filters over the test definitions, and a context over a resource list.
 */
import type { SearchParamDef } from '../definitions/types.js';
import { dateRange, normalizeString, numberRange } from '../indexing/normalize.js';
import { loadTestDefs, testIndexer } from '../indexing/test-defs.js';
import type { MatchContext } from './matcher.js';
import type { Modifier, Prefix, SearchFilter, SearchValue } from './query.js';

type Resource = Record<string, unknown>;

export const str = (raw: string): SearchValue => ({ kind: 'string', raw, norm: normalizeString(raw) });
export const tok = (system: string | undefined, code: string | undefined): SearchValue => ({ kind: 'token', system, code });
export const tokText = (text: string): SearchValue => ({ kind: 'token-text', norm: normalizeString(text) });
export const ref = (targetType: string | undefined, id: string): SearchValue => ({ kind: 'reference', targetType, id, url: undefined, version: undefined });
export const refUrl = (url: string, version?: string): SearchValue => ({ kind: 'reference', targetType: undefined, id: undefined, url, version });
export const ident = (system: string | undefined, value: string | undefined): SearchValue => ({ kind: 'identifier', system, value });
export const uri = (value: string): SearchValue => ({ kind: 'uri', uri: value });
export const missing = (value: boolean): SearchValue => ({ kind: 'missing', missing: value });
export const near = (latitude: number, longitude: number, distanceKm: number): SearchValue => ({ kind: 'near', latitude, longitude, distanceKm });

/** `ap` widens by 10 % of the distance to a reference point, as parse-value.ts does. */
function widen(prefix: Prefix, r: { low: number; high: number }, center: number, reference: number) {
  if (prefix !== 'ap') return { low: r.low, high: r.high };
  const margin = Math.abs(center - reference) * 0.1;
  return { low: r.low - margin, high: r.high + margin };
}

export function date(prefix: Prefix, text: string, now = Date.now()): SearchValue {
  const r = dateRange(text);
  if (!r) throw new Error(`bad date ${text}`);
  return { kind: 'date', prefix, ...widen(prefix, r, (r.low + r.high) / 2, now), raw: text };
}

export function num(prefix: Prefix, text: string): SearchValue {
  const r = numberRange(text);
  if (!r) throw new Error(`bad number ${text}`);
  return { kind: 'number', prefix, value: r.value, ...widen(prefix, r, r.value, 0), raw: text };
}

export function qty(prefix: Prefix, text: string, system?: string, code?: string): SearchValue {
  const r = numberRange(text);
  if (!r) throw new Error(`bad number ${text}`);
  return { kind: 'quantity', prefix, value: r.value, ...widen(prefix, r, r.value, 0), system, code, raw: text };
}

/** The definition of `type.code` (base R4 + Plan-Net). */
export function paramDef(type: string, code: string): SearchParamDef {
  return loadTestDefs().searchParam(type, code);
}

/** A parameter filter on `type.code`. */
export function param(type: string, code: string, values: SearchValue[], modifier?: Modifier): SearchFilter {
  return { kind: 'param', param: paramDef(type, code), modifier, values };
}

/** A match context over `resources` (all current), with the shared test indexer. */
export function contextOf(resources: readonly Resource[]): MatchContext {
  const byKey = new Map(resources.map((r) => [`${String(r['resourceType'])}/${String(r['id'])}`, r]));
  return { indexer: testIndexer(), resolve: (type, id) => byKey.get(`${type}/${id}`), all: () => resources };
}
