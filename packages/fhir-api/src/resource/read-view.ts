/**
 * `_summary` / `_elements` on read, vread and history, where there is no SearchQuery to carry
 * them. Returns undefined (send stored text as is) unless the client asked for a subset.
 * https://hl7.org/fhir/R4/search.html#summary
 */
import { badRequest, type Registry, type SummaryMode } from '@payerport/fhir';
import type { QueryPairs } from '../model/fhir-request.js';
import { isSubsetting, subsetResource, type SubsetSpec } from './subset.js';

const SUMMARY_MODES: ReadonlySet<string> = new Set(['true', 'false', 'text', 'data', 'count']);

/** The subset view asked for by `_summary`/`_elements` in `query`, if any. */
export function readView(registry: Registry, query: QueryPairs): ((json: string) => string) | undefined {
  if (query.length === 0) return undefined;
  let summary: SummaryMode | undefined;
  let elements: string[] | undefined;
  for (const [k, v] of query) {
    if (k === '_summary') {
      if (!SUMMARY_MODES.has(v)) throw badRequest(`_summary must be one of true, false, text, data, count; got ${v}`, 'value', '_summary');
      summary = v as SummaryMode;
    } else if (k === '_elements') {
      elements = (elements ?? []).concat(v.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => s.slice(s.indexOf('.') + 1)));
    }
  }
  return viewFor(registry, { summary, elements });
}

/** A per-resource transform for a subset spec, or undefined when the spec keeps everything. */
export function viewFor(registry: Registry, spec: SubsetSpec): ((json: string) => string) | undefined {
  return isSubsetting(spec) ? (json) => subsetResource(registry, json, spec) : undefined;
}
