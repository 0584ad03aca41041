/**
 * `If-Match` on update and delete — https://hl7.org/fhir/R4/http.html#concurrency. Checked in
 * the handler's transaction as well as passed to the store, so a 412 does not depend on each
 * store implementing WriteOptions identically.
 */
import { preconditionFailed } from '@payerport/fhir';
import type { StoreTx } from '@payerport/store';
import { header, type RequestHeaders } from '../model/fhir-request.js';
import { parseIfMatch } from '../http/versioning.js';

/** The version the client requires, or undefined without `If-Match`. 400 when malformed. */
export function ifMatchVersion(headers: RequestHeaders): number | undefined {
  const value = header(headers, 'if-match');
  return value === undefined ? undefined : parseIfMatch(value);
}

/** 412 unless the current version of type/id is `ifMatch`. */
export async function checkIfMatch(tx: StoreTx, type: string, id: string, ifMatch: number | undefined): Promise<void> {
  if (ifMatch === undefined) return;
  const current = await tx.read(type, id);
  if (current === undefined || current.deleted || current.versionId !== ifMatch) {
    const actual = current && !current.deleted ? `W/"${current.versionId}"` : 'none';
    throw preconditionFailed(`If-Match W/"${ifMatch}" does not match the current version (${actual}) of ${type}/${id}`);
  }
}
