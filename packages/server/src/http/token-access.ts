/**
 * The FHIR layer's access context from a bearer token: the environment's authorization server
 * checks the token (signature-free opaque token: found, not expired, not revoked, issued by this
 * environment, client still enabled), and its granted scopes are parsed once here. A member's
 * token without a patient in context sees nothing protected (the API answers as for a scope that
 * does not cover the type).
 */
import { parseSmartScopes } from '@payerport/fhir';
import type { AccessResolver, AccessResult } from '@payerport/fhir-api';
import type { TokenCheck, TokenFailure } from '@payerport/auth';
import { bearerToken } from './bearer.js';

/** The access context of a credential, and why it is none when the token was refused (for the audit trail only: the API answers every refusal alike). */
export interface ResolvedAccess {
  readonly access: AccessResult;
  readonly failure?: TokenFailure;
}

export type TokenAccessResolver = (env: string, authorization: string) => Promise<ResolvedAccess>;

export function tokenAccessResolver(verify: (env: string, token: string | undefined) => Promise<TokenCheck>): TokenAccessResolver {
  return async (env, authorization): Promise<ResolvedAccess> => {
    const token = bearerToken(authorization);
    if (token === undefined) return { access: undefined, failure: 'missing' };
    const check = await verify(env, token);
    if (!check.ok) return { access: undefined, failure: check.reason };
    const { grant } = check;
    const scopes = parseSmartScopes(grant.scopes.join(' '));
    if (grant.sub === undefined) return { access: { kind: 'system', scopes, clientId: grant.clientId } };
    if (grant.patient === undefined) return { access: { kind: 'patient', patient: '', scopes: [], clientId: grant.clientId, sub: grant.sub } };
    return { access: { kind: 'patient', patient: grant.patient, scopes, clientId: grant.clientId, sub: grant.sub } };
  };
}

/** A plain AccessResolver (tests' stand-ins) as a TokenAccessResolver that gives no reasons. */
export function withoutReasons(resolve: AccessResolver): TokenAccessResolver {
  return async (env, authorization) => ({ access: await resolve(env, authorization) });
}
