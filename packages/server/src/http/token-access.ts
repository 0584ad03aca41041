/**
 * The FHIR layer's access context from a bearer token: the environment's authorization server
 * checks the token (signature-free opaque token: found, not expired, not revoked, issued by this
 * environment, client still enabled), and its granted scopes are parsed once here. A member's
 * token without a patient in context sees nothing protected (the API answers as for a scope that
 * does not cover the type).
 */
import { parseSmartScopes } from '@payerport/fhir';
import type { AccessResolver, AccessResult } from '@payerport/fhir-api';
import type { TokenCheck } from '@payerport/auth';
import { bearerToken } from './bearer.js';

export function tokenAccessResolver(verify: (env: string, token: string | undefined) => Promise<TokenCheck>): AccessResolver {
  return async (env, authorization): Promise<AccessResult> => {
    const token = bearerToken(authorization);
    if (token === undefined) return undefined;
    const check = await verify(env, token);
    if (!check.ok) return undefined;
    const { grant } = check;
    const scopes = parseSmartScopes(grant.scopes.join(' '));
    if (grant.sub === undefined) return { kind: 'system', scopes, clientId: grant.clientId };
    if (grant.patient === undefined) return { kind: 'patient', patient: '', scopes: [], clientId: grant.clientId, sub: grant.sub };
    return { kind: 'patient', patient: grant.patient, scopes, clientId: grant.clientId, sub: grant.sub };
  };
}
