/**
 * `Bundle.entry.response` (and resource) from a handler's FhirResponse or error, as JSON text.
 * https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry.response
 */
import { STATUS_CODES } from 'node:http';
import { FhirError, outcome } from '@payerport/fhir';
import type { FhirResponse } from '../model/fhir-request.js';

function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

/** The entry for a successful (or 3xx/4xx-returned) handler response. */
export function responseEntry(res: FhirResponse): string {
  const h = res.headers ?? {};
  let response = '"status":' + JSON.stringify(statusLine(res.status));
  if (h.location) response += ',"location":' + JSON.stringify(h.location);
  if (h.etag) response += ',"etag":' + JSON.stringify(h.etag);
  if (h['last-modified']) response += ',"lastModified":"' + new Date(h['last-modified']).toISOString() + '"';
  const parts: string[] = [];
  if (h.location) parts.push('"fullUrl":' + JSON.stringify(h.location.replace(/\/_history\/[^/]+$/, '')));
  const body = res.body;
  if (typeof body === 'string') parts.push('"resource":' + body);
  else if (isOutcome(body)) response += ',"outcome":' + JSON.stringify(body);
  else if (body !== undefined) parts.push('"resource":' + JSON.stringify(body));
  parts.push('"response":{' + response + '}');
  return '{' + parts.join(',') + '}';
}

function isOutcome(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

/** The entry for a failed batch entry: its status and OperationOutcome. */
export function errorEntry(error: unknown, correlationId: string): string {
  if (error instanceof FhirError) {
    return '{"response":{"status":' + JSON.stringify(statusLine(error.status)) + ',"outcome":' + JSON.stringify(error.outcome) + '}}';
  }
  const oo = outcome([{ severity: 'fatal', code: 'exception', diagnostics: `Internal error (correlation id ${correlationId})` }]);
  return '{"response":{"status":"500 Internal Server Error","outcome":' + JSON.stringify(oo) + '}}';
}
