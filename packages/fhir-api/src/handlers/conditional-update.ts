/**
 * conditional update, `PUT [type]?criteria` — https://hl7.org/fhir/R4/http.html#cond-update:
 * no match → create (update-as-create when the body has an id), one match → update it,
 * several → 412.
 */
import { badRequest, preconditionFailed } from '@payerport/fhir';
import { requireWrite } from '../access/require-write.js';
import type { Handler } from '../model/api-context.js';
import { validateResourceBody } from '../resource/validate-body.js';
import { conditionalMatches } from './conditional-match.js';
import { createIn } from './create.js';
import { updateIn } from './update.js';

export const conditionalUpdate: Handler = async (ctx, req, data) => {
  requireWrite(ctx, req);
  const type = req.type!;
  const resource = validateResourceBody(ctx, req.body, type);
  return data.write(async (tx) => {
    const matches = await conditionalMatches(ctx, tx, type, req.query, 'Conditional update');
    if (matches.length > 1) throw preconditionFailed(`The criteria match more than one ${type}`);
    const match = matches[0];
    if (match === undefined) {
      return typeof resource.id === 'string' ? updateIn(tx, req, resource) : createIn(ctx, tx, req, resource, undefined);
    }
    if (resource.id !== undefined && resource.id !== match.id) {
      throw badRequest(`The resource id ${String(resource.id)} differs from the matching ${type}/${match.id}`, 'invalid', `${type}.id`);
    }
    return updateIn(tx, req, { ...resource, id: match.id });
  });
};
