/**
 * create — https://hl7.org/fhir/R4/http.html#create. The server assigns the id (an id in
 * the body is ignored, as the spec allows). `If-None-Exist` makes it a conditional create
 * (https://hl7.org/fhir/R4/http.html#ccreate).
 */
import { preconditionFailed } from '@payerport/fhir';
import type { StoreTx } from '@payerport/store';
import { requireWrite } from '../access/require-write.js';
import type { ApiContext, Handler } from '../model/api-context.js';
import { header, type FhirRequest, type FhirResponse } from '../model/fhir-request.js';
import { preferences } from '../http/prefer.js';
import { writeResponse } from '../http/responses.js';
import { validateResourceBody, type ResourceBody } from '../resource/validate-body.js';
import { conditionalMatches, criteriaPairs } from './conditional-match.js';

export const create: Handler = async (ctx, req, data) => {
  requireWrite(ctx, req);
  const resource = validateResourceBody(ctx, req.body, req.type!);
  return data.write((tx) => createIn(ctx, tx, req, resource, undefined));
};

/**
 * Creates `resource` inside `tx`, with `presetId` when a transaction Bundle assigned one
 * (so `urn:uuid:` references could be rewritten before the write).
 */
export async function createIn(ctx: ApiContext, tx: StoreTx, req: FhirRequest, resource: ResourceBody, presetId: string | undefined): Promise<FhirResponse> {
  const prefer = preferences(req.headers).return;
  const existing = await ifNoneExistMatch(ctx, tx, req);
  if (existing) return writeResponse(req.baseUrl, existing, 200, prefer, `${existing.type}/${existing.id} already exists (If-None-Exist)`);
  const { id: _ignored, ...body } = resource;
  void _ignored;
  if (presetId !== undefined) body.id = presetId;
  const stored = await tx.create(body);
  return writeResponse(req.baseUrl, stored, 201, prefer, `Created ${stored.type}/${stored.id}`);
}

/** The one resource matching `If-None-Exist`, undefined when none does or there is no header; 412 for many. */
export async function ifNoneExistMatch(ctx: ApiContext, tx: StoreTx, req: FhirRequest) {
  const criteria = header(req.headers, 'if-none-exist');
  if (criteria === undefined) return undefined;
  const matches = await conditionalMatches(ctx, tx, req.type!, criteriaPairs(criteria), 'If-None-Exist');
  if (matches.length > 1) throw preconditionFailed(`If-None-Exist criteria match more than one ${req.type}`);
  return matches[0];
}
