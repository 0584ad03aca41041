/**
 * Fastify's query parser, replaced: FHIR needs the parameters in order with repeats kept
 * (`_include` twice, `date=ge..&date=le..`), which an object cannot hold. Parsing once here
 * means `request.query` is already what the handlers take.
 */
import type { QueryPairs } from '@payerport/fhir-api';

const NONE: QueryPairs = Object.freeze([]);

export function parseQueryPairs(querystring: string): QueryPairs {
  return querystring.length === 0 ? NONE : [...new URLSearchParams(querystring)];
}
