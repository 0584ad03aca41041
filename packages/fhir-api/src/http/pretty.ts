/**
 * `_pretty=true` — https://hl7.org/fhir/R4/http.html#parameters. The only reason to re-indent
 * stored text; costs a parse, so it is opt-in per request.
 */
import type { FhirResponse, QueryPairs } from '../model/fhir-request.js';

export function wantsPretty(query: QueryPairs): boolean {
  for (let i = 0; i < query.length; i++) if (query[i]![0] === '_pretty') return query[i]![1] === 'true';
  return false;
}

export function prettyBody(res: FhirResponse): FhirResponse {
  if (res.body === undefined) return res;
  const value: unknown = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
  return { ...res, body: JSON.stringify(value, null, 2) };
}
