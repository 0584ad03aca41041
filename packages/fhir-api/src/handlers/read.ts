/**
 * read — https://hl7.org/fhir/R4/http.html#read. The fast path: the stored JSON text is the
 * body as is; only `_summary`/`_elements` parse it. Honours If-None-Match / If-Modified-Since.
 */
import { gone, notFound, type Registry } from '@payerport/fhir';
import type { StoredResource } from '@payerport/store';
import type { Handler } from '../model/api-context.js';
import { header, type FhirRequest, type FhirResponse } from '../model/fhir-request.js';
import { versionHeaders } from '../http/responses.js';
import { noneMatchHits, notModifiedSince } from '../http/versioning.js';
import { readView } from '../resource/read-view.js';

export const read: Handler = async (ctx, req, data) => {
  const type = req.type!;
  const id = req.id!;
  const stored = await data.read(type, id);
  if (stored === undefined) throw notFound(`${type}/${id} is not known`);
  if (stored.deleted) throw gone(`${type}/${id} was deleted`);
  return versionResponse(ctx.registry, req, stored);
};

/** 200 with the version (or 304 when the client's copy is current). Shared with vread. */
export function versionResponse(registry: Registry, req: FhirRequest, stored: StoredResource): FhirResponse {
  const headers = versionHeaders(stored);
  const inm = header(req.headers, 'if-none-match');
  // RFC 9110 §13.2.2: If-None-Match takes precedence over If-Modified-Since.
  if (inm !== undefined ? noneMatchHits(inm, stored.versionId) : notModified(req, stored)) return { status: 304, headers };
  const view = readView(registry, req.query);
  return { status: 200, headers, body: view ? view(stored.json) : stored.json };
}

function notModified(req: FhirRequest, stored: StoredResource): boolean {
  const ims = header(req.headers, 'if-modified-since');
  return ims !== undefined && notModifiedSince(ims, stored.lastUpdated);
}
