/** Validation of a posted batch/transaction Bundle — https://hl7.org/fhir/R4/http.html#transaction */
import { badRequest } from '@payerport/fhir';
import { isObject } from './entry-request.js';

export interface PostedBundle {
  readonly type: 'batch' | 'transaction';
  readonly entries: unknown[];
}

export function postedBundle(body: unknown): PostedBundle {
  if (!isObject(body)) throw badRequest('POST to the base needs a Bundle (batch or transaction)', 'structure');
  if (body.resourceType !== 'Bundle') throw badRequest(`POST to the base needs a Bundle, got ${String(body.resourceType)}`, 'invalid', 'resourceType');
  const type = body.type;
  if (type !== 'batch' && type !== 'transaction') throw badRequest(`Bundle.type must be batch or transaction, got ${String(type)}`, 'value', 'Bundle.type');
  const entries = body.entry ?? [];
  if (!Array.isArray(entries)) throw badRequest('Bundle.entry must be an array', 'structure', 'Bundle.entry');
  return { type, entries };
}

/** The response Bundle text around already-serialised entries. */
export function responseBundle(type: 'batch-response' | 'transaction-response', entries: readonly string[], id: string): string {
  return '{"resourceType":"Bundle","id":"' + id + '","type":"' + type + '","entry":[' + entries.join(',') + ']}';
}
