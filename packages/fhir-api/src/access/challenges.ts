/**
 * Bearer-token errors as FhirErrors carrying the RFC 6750 §3 `WWW-Authenticate` challenge:
 * no credential → 401 without an error code; an unusable one → 401 `invalid_token`; a valid
 * token whose scopes do not cover the request → 403 `insufficient_scope`.
 */
import { FhirError } from '@payerport/fhir';

/** The realm every challenge of this server names. */
export const REALM = 'payerport';

export function tokenRequired(what: string): FhirError {
  return new FhirError(401, { severity: 'error', code: 'login', diagnostics: `${what} requires an access token` },
    { 'www-authenticate': `Bearer realm="${REALM}"` });
}

export function invalidToken(): FhirError {
  return new FhirError(401, { severity: 'error', code: 'login', diagnostics: 'The access token is not valid (unknown, expired or revoked)' },
    { 'www-authenticate': `Bearer realm="${REALM}", error="invalid_token", error_description="The access token is not valid"` });
}

export function insufficientScope(what: string): FhirError {
  return new FhirError(403, { severity: 'error', code: 'forbidden', diagnostics: `The access token's scopes do not allow ${what}` },
    { 'www-authenticate': `Bearer realm="${REALM}", error="insufficient_scope"` });
}
