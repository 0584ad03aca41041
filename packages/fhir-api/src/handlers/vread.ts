/** vread — https://hl7.org/fhir/R4/http.html#vread. A deletion version answers 410. */
import { gone, notFound } from '@payerport/fhir';
import type { Handler } from '../model/api-context.js';
import { versionResponse } from './read.js';

export const vread: Handler = async (ctx, req, data) => {
  const type = req.type!;
  const id = req.id!;
  const vid = Number(req.vid);
  if (!Number.isSafeInteger(vid) || vid < 1 || String(vid) !== req.vid) throw notFound(`${type}/${id} has no version ${req.vid}`);
  const stored = await data.vread(type, id, vid);
  if (stored === undefined) throw notFound(`${type}/${id} has no version ${vid}`);
  if (stored.deleted) throw gone(`${type}/${id} version ${vid} is a deletion`);
  return versionResponse(ctx.registry, req, stored);
};
