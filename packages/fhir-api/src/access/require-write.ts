/**
 * Writes are an administrator's job until the data-loading portal lands: the server decides
 * `isAdmin` from `Authorization: Bearer <ADMIN_TOKEN>`. No credential → 401 with a
 * `WWW-Authenticate` challenge (RFC 6750 §3); a credential that is not the admin token → 403.
 */
import { FhirError } from '@payerport/fhir';
import { header, type FhirRequest } from '../model/fhir-request.js';
import type { ApiContext } from '../model/api-context.js';

export function requireWrite(ctx: ApiContext, req: FhirRequest): void {
  if (!ctx.writesEnabled) {
    throw new FhirError(403, { severity: 'error', code: 'forbidden', diagnostics: 'Writes are disabled on this server (no ADMIN_TOKEN configured)' });
  }
  if (req.isAdmin) return;
  if (header(req.headers, 'authorization') === undefined) {
    throw new FhirError(401, { severity: 'error', code: 'login', diagnostics: 'Writes require the administrator bearer token' }, { 'www-authenticate': 'Bearer realm="payerport"' });
  }
  throw new FhirError(403, { severity: 'error', code: 'forbidden', diagnostics: 'The credential given is not allowed to write' }, { 'www-authenticate': 'Bearer realm="payerport", error="insufficient_scope"' });
}
