/**
 * Result parameters: `_sort`, `_count`, `_include`, `_revinclude`, `_summary`, `_elements`,
 * `_total`. https://hl7.org/fhir/R4/search.html#return
 */
import type { Registry, SearchParamDef } from '../definitions/types.js';
import { badRequest } from '../errors/fhir-error.js';
import type { IncludeSpec, SortKey, SummaryMode, TotalMode } from './query.js';

const SORTABLE = new Set(['string', 'token', 'date', 'number', 'quantity', 'uri', 'reference']);

/** `_sort=a,-b`: keys in order, `-` for descending. */
export function parseSort(registry: Registry, type: string, value: string): SortKey[] {
  return value.split(',').map((raw) => {
    const descending = raw.startsWith('-');
    const code = descending ? raw.slice(1) : raw;
    const param = registry.searchParam(type, code);
    if (!param) throw badRequest(`Cannot sort on '${code}': not a search parameter of ${type}`, 'invalid', '_sort');
    if (!SORTABLE.has(param.type)) throw badRequest(`Cannot sort on '${code}' (a ${param.type} parameter)`, 'not-supported', '_sort');
    return { param, descending };
  });
}

/** `_count`: a whole number ≥ 0, capped at the configured maximum. */
export function parseCount(value: string, maxCount: number): number {
  if (!/^\d{1,9}$/.test(value)) throw badRequest(`'_count' must be a whole number ≥ 0, not '${value}'`, 'invalid', '_count');
  return Math.min(Number(value), maxCount);
}

export function parseSummary(value: string): SummaryMode {
  if (['true', 'false', 'text', 'data', 'count'].includes(value)) return value as SummaryMode;
  throw badRequest(`'_summary' must be true, false, text, data or count, not '${value}'`, 'invalid', '_summary');
}

export function parseTotal(value: string): TotalMode {
  if (value === 'none' || value === 'estimate' || value === 'accurate') return value;
  throw badRequest(`'_total' must be none, estimate or accurate, not '${value}'`, 'invalid', '_total');
}

/** `_elements=a,b`: top-level element names (checked for syntax; unknown names simply select nothing). */
export function parseElements(value: string): string[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const n of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(n)) throw badRequest(`'${n}' is not an element name`, 'invalid', '_elements');
  }
  return names;
}

/**
 * `_include=Source:param[:Target]`, `Source:*`, `*`; and `_revinclude=Source:param[:Target]`.
 * `*` expands to one spec per reference parameter of the source type.
 */
export function parseInclude(registry: Registry, searchedType: string, value: string, reverse: boolean, iterate: boolean): IncludeSpec[] {
  const name = reverse ? '_revinclude' : '_include';
  const parts = value === '*' ? [searchedType, '*'] : value.split(':');
  const [sourceType, code, targetType, ...extra] = parts;
  if (!sourceType || !code || extra.length > 0) throw badRequest(`'${name}' must be Type:parameter[:targetType], not '${value}'`, 'invalid', name);
  if (!registry.resourceType(sourceType)) throw badRequest(`Unknown resource type '${sourceType}' in ${name}`, 'invalid', name);
  if (!reverse && !iterate && sourceType !== searchedType) {
    throw badRequest(`'${name}=${value}' must start with the searched type ${searchedType} (or use ${name}:iterate)`, 'invalid', name);
  }
  if (targetType !== undefined && !registry.resourceType(targetType)) throw badRequest(`Unknown target type '${targetType}' in ${name}`, 'invalid', name);
  const params: SearchParamDef[] = code === '*'
    ? [...registry.searchParams(sourceType).values()].filter((p) => p.type === 'reference' && p.expression)
    : [referenceParam(registry, sourceType, code, name)];
  if (reverse && code !== '*' && !iterate) {
    const target = params[0]!.target;
    if (target.length > 0 && !target.includes(searchedType)) throw badRequest(`'${sourceType}:${code}' cannot refer to ${searchedType}`, 'invalid', name);
  }
  return params.map((param) => ({ sourceType, param, targetType, iterate }));
}

function referenceParam(registry: Registry, type: string, code: string, name: string): SearchParamDef {
  const param = registry.searchParam(type, code);
  if (!param) throw badRequest(`Unknown search parameter '${code}' for ${type} in ${name}`, 'invalid', name);
  if (param.type !== 'reference') throw badRequest(`'${type}:${code}' in ${name} is not a reference parameter`, 'invalid', name);
  return param;
}
