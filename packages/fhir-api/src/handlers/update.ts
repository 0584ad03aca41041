/**
 * update (and update-as-create) — https://hl7.org/fhir/R4/http.html#update.
 * `If-Match` makes it a version-aware update (https://hl7.org/fhir/R4/http.html#concurrency).
 */
import type { StoreTx } from '@payerport/store';
import { requireWrite } from '../access/require-write.js';
import type { Handler } from '../model/api-context.js';
import type { FhirRequest, FhirResponse } from '../model/fhir-request.js';
import { preferences } from '../http/prefer.js';
import { writeResponse } from '../http/responses.js';
import { checkIfMatch, ifMatchVersion } from './if-match.js';
import { requireMatchingId, validateResourceBody, type ResourceBody } from '../resource/validate-body.js';

export const update: Handler = async (ctx, req, data) => {
  requireWrite(ctx, req);
  const resource = validateResourceBody(ctx, req.body, req.type!);
  requireMatchingId(resource, req.id!);
  return data.write((tx) => updateIn(tx, req, resource));
};

/** Writes `resource` (its id set) as a new version, or as version 1 when it does not exist. */
export async function updateIn(tx: StoreTx, req: FhirRequest, resource: ResourceBody): Promise<FhirResponse> {
  const ifMatch = ifMatchVersion(req.headers);
  await checkIfMatch(tx, String(resource.resourceType), String(resource.id), ifMatch);
  const { stored, created } = await tx.update(resource, ifMatch === undefined ? undefined : { ifMatch });
  const verb = created ? 'Created' : 'Updated';
  return writeResponse(req.baseUrl, stored, created ? 201 : 200, preferences(req.headers).return, `${verb} ${stored.type}/${stored.id} (version ${stored.versionId})`);
}
