/**
 * Content negotiation: this server speaks JSON only. `_format=xml` or an Accept that asks for
 * XML and nothing JSON-compatible → 406. https://hl7.org/fhir/R4/http.html#mime-type
 */
import { FhirError } from '@payerport/fhir';
import type { QueryPairs } from '@payerport/fhir-api';

/** Every response body is FHIR JSON. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Throws 406 unless the request can take JSON. Cheap when there is no Accept and no query. */
export function checkFormat(accept: string | undefined, query: QueryPairs): void {
  if (accept !== undefined && accept.includes('xml') && !acceptsJson(accept)) throw notAcceptable(accept);
  for (let i = 0; i < query.length; i++) {
    const [k, v] = query[i]!;
    if (k === '_format' && !isJsonFormat(v)) throw notAcceptable(v);
  }
}

function acceptsJson(accept: string): boolean {
  return accept.split(',').some((range) => {
    const type = range.split(';')[0]!.trim().toLowerCase();
    return type === '*/*' || type === 'application/*' || type.includes('json');
  });
}

function isJsonFormat(value: string): boolean {
  const v = value.split(';')[0]!.trim().toLowerCase();
  return v === 'json' || v === 'application/json' || v === 'application/fhir+json' || v === 'text/json';
}

function notAcceptable(asked: string): FhirError {
  return new FhirError(406, { severity: 'error', code: 'not-supported', diagnostics: `Only JSON is supported (asked for ${asked}); use application/fhir+json or _format=json` });
}
