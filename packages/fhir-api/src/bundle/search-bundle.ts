/**
 * The searchset Bundle, assembled by string concatenation from the stored JSON texts so the
 * hot path never parses and re-serialises resources. https://hl7.org/fhir/R4/bundle.html
 */
import { randomUUID } from 'node:crypto';
import { outcome } from '@payerport/fhir';
import type { SearchResult, StoredResource } from '@payerport/store';
import type { QueryPairs } from '../model/fhir-request.js';
import { linksJson } from './paging-links.js';

export interface SearchBundleInput {
  readonly baseUrl: string;
  /** Path used in links (`Patient`). */
  readonly path: string;
  /** Parameters as the client sent them (query + form), for the links. */
  readonly params: QueryPairs;
  readonly result: SearchResult;
  /** `_summary=count`: total and links only. */
  readonly countOnly: boolean;
  /** Parameters ignored under lenient handling, reported in an `outcome` entry. */
  readonly ignored: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** Applied to every resource text when `_summary`/`_elements` ask for a subset. */
  readonly view?: ((json: string) => string) | undefined;
}

/** Bundle header up to (not including) `entry`: type, timestamp, total, links. */
export function bundleHead(type: string, total: number | undefined, links: string): string {
  let head = '{"resourceType":"Bundle","id":"' + randomUUID() + '","meta":{"lastUpdated":"' + new Date().toISOString() + '"},"type":"' + type + '"';
  if (total !== undefined) head += ',"total":' + total;
  return head + ',"link":' + links;
}

/** `{"fullUrl":..,"resource":<stored text>` — the caller closes the entry. */
export function entryStart(baseUrl: string, r: StoredResource, json: string): string {
  return '{"fullUrl":' + JSON.stringify(`${baseUrl}/${r.type}/${r.id}`) + ',"resource":' + json;
}

/** Searchset Bundle JSON text. */
export function searchBundle(input: SearchBundleInput): string {
  const { baseUrl, result, view } = input;
  const links = linksJson(baseUrl, input.path, input.params, { next: result.nextCursor, previous: result.prevCursor });
  let out = bundleHead('searchset', result.total, links);
  if (input.countOnly) return out + '}';
  const parts: string[] = [];
  for (const r of result.matches) parts.push(entryStart(baseUrl, r, view ? view(r.json) : r.json) + ',"search":{"mode":"match"}}');
  for (const r of result.included) parts.push(entryStart(baseUrl, r, view ? view(r.json) : r.json) + ',"search":{"mode":"include"}}');
  if (input.ignored.length > 0) parts.push(ignoredEntry(input.ignored));
  if (parts.length > 0) out += ',"entry":[' + parts.join(',') + ']';
  return out + '}';
}

/** An OperationOutcome entry (`search.mode = outcome`) naming the parameters that were ignored. */
function ignoredEntry(ignored: SearchBundleInput['ignored']): string {
  const oo = outcome(ignored.map((i) => ({ severity: 'warning', code: 'not-supported', diagnostics: `Parameter ${i.name} ignored: ${i.reason}`, expression: [i.name] })));
  return '{"resource":' + JSON.stringify(oo) + ',"search":{"mode":"outcome"}}';
}
