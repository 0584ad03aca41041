/**
 * delete — https://hl7.org/fhir/R4/http.html#delete. Answers 200 with an OperationOutcome
 * (204 under `Prefer: return=minimal`); deleting what is absent or already deleted is not an
 * error (the spec makes delete idempotent).
 */
import { requireWrite } from '../access/require-write.js';
import type { Handler } from '../model/api-context.js';
import { preferences } from '../http/prefer.js';
import { information, versionHeaders } from '../http/responses.js';
import { checkIfMatch, ifMatchVersion } from './if-match.js';

export const remove: Handler = async (ctx, req, data) => {
  requireWrite(ctx, req);
  const type = req.type!;
  const id = req.id!;
  const ifMatch = ifMatchVersion(req.headers);
  const deleted = await data.write(async (tx) => {
    await checkIfMatch(tx, type, id, ifMatch);
    return tx.delete(type, id, ifMatch === undefined ? undefined : { ifMatch });
  });
  const minimal = preferences(req.headers).return === 'minimal';
  if (deleted === undefined) {
    return minimal ? { status: 204 } : { status: 200, body: information(`Nothing to delete: ${type}/${id} does not exist or is already deleted`) };
  }
  const headers = versionHeaders(deleted);
  return minimal ? { status: 204, headers } : { status: 200, headers, body: information(`Deleted ${type}/${id} (version ${deleted.versionId})`) };
};
