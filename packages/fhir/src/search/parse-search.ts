/**
 * Parses and validates a search query against the registry — the single place where URL
 * parameters become a SearchQuery. https://hl7.org/fhir/R4/search.html
 */
import type { Registry } from '../definitions/types.js';
import { FhirError, badRequest } from '../errors/fhir-error.js';
import { parseFilter } from './parse-filter.js';
import { parseCount, parseElements, parseInclude, parseSort, parseSummary, parseTotal } from './parse-result-params.js';
import type { SearchQuery } from './query.js';

export interface ParseSearchOptions {
  /** `Prefer: handling=lenient`: ignore unknown/malformed parameters and report them instead of failing. */
  lenient: boolean;
  defaultCount: number;
  maxCount: number;
}

/** Parameters the HTTP layer handles itself; accepted here so they are not "unknown". */
const HANDLED_ELSEWHERE = new Set(['_pretty', '_format']);
/** Longest accepted value, a guard against pathological input. */
const MAX_VALUE_LENGTH = 4096;

/**
 * Parses the decoded query pairs (in order, repeated names kept) of a search on `type`.
 * Throws FhirError 400 naming the parameter and why, unless lenient.
 */
export function parseSearch(registry: Registry, type: string, params: ReadonlyArray<readonly [string, string]>, options: ParseSearchOptions): SearchQuery {
  if (!registry.resourceType(type)) throw new FhirError(404, { severity: 'error', code: 'not-found', diagnostics: `Unknown resource type '${type}'` });
  const query: SearchQuery = {
    type, filters: [], sort: [], count: options.defaultCount, cursor: undefined, total: 'none',
    summary: undefined, elements: undefined, includes: [], revincludes: [], ignored: [],
  };
  for (const [name, value] of params) {
    try {
      if (value.length > MAX_VALUE_LENGTH) throw badRequest(`Value of '${name}' is longer than ${MAX_VALUE_LENGTH} characters`, 'too-long', name);
      if (value.includes('\u0000')) throw badRequest(`Value of '${name}' contains a NUL character`, 'invalid', name);
      if (HANDLED_ELSEWHERE.has(name)) continue;
      switch (name) {
        case '_count': query.count = parseCount(value, options.maxCount); break;
        case '_sort': query.sort = parseSort(registry, type, value); break;
        case '_summary': query.summary = parseSummary(value); break;
        case '_elements': query.elements = parseElements(value); break;
        case '_total': query.total = parseTotal(value); break;
        case '_cursor': query.cursor = value; break;
        case '_include': case '_include:iterate': case '_include:recurse':
          query.includes.push(...parseInclude(registry, type, value, false, name !== '_include')); break;
        case '_revinclude': case '_revinclude:iterate': case '_revinclude:recurse':
          query.revincludes.push(...parseInclude(registry, type, value, true, name !== '_revinclude')); break;
        default:
          // An empty value means the parameter is absent (https://hl7.org/fhir/R4/search.html#errors).
          if (value === '') continue;
          if (name.startsWith('_') && !name.startsWith('_has:') && !registry.searchParam(type, name.split(/[:.]/)[0]!)) {
            throw badRequest(`Search parameter '${name}' is not supported`, 'not-supported', name);
          }
          query.filters.push(parseFilter(registry, type, name, value));
      }
    } catch (error) {
      if (!(options.lenient && error instanceof FhirError && error.status === 400)) throw error;
      query.ignored.push({ name, reason: error.message });
    }
  }
  if (query.summary === 'count') query.count = 0;
  // Counting every match costs a second query that grows with the number of matches: only
  // when asked (`_total=accurate|estimate`), or when the count is all that was asked for.
  if (query.count === 0 && query.total === 'none') query.total = 'accurate';
  return query;
}
