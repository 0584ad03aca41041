/** Response builders shared by the handlers. */
import { outcome, type IssueCode, type OperationOutcome } from '@payerport/fhir';
import type { StoredResource } from '@payerport/store';
import type { FhirResponse } from '../model/fhir-request.js';
import type { ReturnPreference } from './prefer.js';
import { etag, httpDate } from './versioning.js';

/** An informational OperationOutcome (successful writes under `Prefer: return=OperationOutcome`, deletes). */
export function information(diagnostics: string, code: IssueCode = 'informational'): OperationOutcome {
  return outcome([{ severity: 'information', code, diagnostics }]);
}

/** Headers every response about one stored version carries. */
export function versionHeaders(stored: StoredResource): Record<string, string> {
  return { etag: etag(stored.versionId), 'last-modified': httpDate(stored.lastUpdated) };
}

/**
 * Response to create/update: Location, ETag, Last-Modified, body per `Prefer: return`.
 * https://hl7.org/fhir/R4/http.html#ops
 */
export function writeResponse(baseUrl: string, stored: StoredResource, status: number, prefer: ReturnPreference, message: string): FhirResponse {
  const headers = versionHeaders(stored);
  headers.location = `${baseUrl}/${stored.type}/${stored.id}/_history/${stored.versionId}`;
  if (prefer === 'minimal') return { status, headers };
  if (prefer === 'OperationOutcome') return { status, headers, body: information(message) };
  return { status, headers, body: stored.json };
}
