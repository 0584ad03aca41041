/** The checks every write makes before touching the database; failures are FhirError 400. */
import { badRequest, isFhirId } from '@payerport/fhir';

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{0,63}$/;


/** Checks shape, resourceType, id (required when `requireId`) and meta; returns type and id. */
export function validateResource(resource: unknown, requireId: boolean): { type: string; id: string | undefined } {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    throw badRequest('A resource must be a JSON object', 'structure');
  }
  const { resourceType, id, meta } = resource as Record<string, unknown>;
  if (typeof resourceType !== 'string' || !RESOURCE_TYPE.test(resourceType)) {
    throw badRequest('The resource has no valid resourceType', 'required', 'resourceType');
  }
  if (id === undefined && requireId) throw badRequest(`${resourceType}.id is required`, 'required', `${resourceType}.id`);
  if (id !== undefined && !isFhirId(id)) {
    throw badRequest(`${resourceType}.id ${JSON.stringify(id)} is not a valid id ([A-Za-z0-9-.]{1,64})`, 'value', `${resourceType}.id`);
  }
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    throw badRequest(`${resourceType}.meta must be an object`, 'structure', `${resourceType}.meta`);
  }
  return { type: resourceType, id };
}
