/**
 * Checks a write's body before it reaches the store: a JSON object whose `resourceType` is a
 * served type and matches the URL, (for PUT) whose `id` matches the URL, and which conforms to
 * its profiles. https://hl7.org/fhir/R4/http.html#create and #update
 */
import { badRequest, FhirError, validationOutcome } from '@payerport/fhir';
import type { ApiContext } from '../model/api-context.js';

export type ResourceBody = Record<string, unknown>;

/** Returns the body as a resource of type `expectedType`, or throws 400. */
export function validateResourceBody(ctx: ApiContext, body: unknown, expectedType: string): ResourceBody {
  if (body === undefined) throw badRequest('A resource body is required', 'required');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object (a FHIR resource)', 'structure');
  const resource = body as ResourceBody;
  const rt = resource.resourceType;
  if (typeof rt !== 'string') throw badRequest('The resource has no resourceType', 'required', 'resourceType');
  if (!ctx.types.has(rt)) throw badRequest(`Unknown resourceType ${rt}`, 'value', 'resourceType');
  if (rt !== expectedType) throw badRequest(`resourceType ${rt} does not match the URL type ${expectedType}`, 'invalid', 'resourceType');
  if (ctx.validator !== undefined) checkProfiles(ctx, resource);
  return resource;
}

/**
 * 422 with the validator's issues when the resource does not conform to its profiles
 * (https://hl7.org/fhir/R4/http.html#create: "Unprocessable Entity"). The store sets versionId
 * and lastUpdated, so they are checked as the store will write them (Plan-Net requires
 * lastUpdated), not as the client sent them.
 */
function checkProfiles(ctx: ApiContext, resource: ResourceBody): void {
  const meta = typeof resource.meta === 'object' && resource.meta !== null && !Array.isArray(resource.meta) ? resource.meta : {};
  const stored = { ...resource, meta: { ...meta, versionId: '1', lastUpdated: new Date().toISOString() } };
  const report = ctx.validator!.validate(stored);
  if (report.valid) return;
  const issues = validationOutcome({ ...report, warnings: [], mustSupportMissing: [] }).issue;
  throw new FhirError(422, issues);
}

/** PUT [type]/[id]: the body must carry the same id. https://hl7.org/fhir/R4/http.html#update */
export function requireMatchingId(resource: ResourceBody, id: string): void {
  if (resource.id === undefined) throw badRequest(`The resource must have id ${id} to match the URL`, 'required', `${String(resource.resourceType)}.id`);
  if (resource.id !== id) throw badRequest(`The resource id ${String(resource.id)} does not match the URL id ${id}`, 'invalid', `${String(resource.resourceType)}.id`);
}


