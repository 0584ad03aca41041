/**
 * A token resolver for tests only: opaque bearer strings mapped to access contexts, standing in
 * for the auth server's tokens so enforcement can be tested without running an OAuth flow.
 */
import { parseSmartScopes } from '@payerport/fhir';
import type { AccessContext, AccessResolver } from '@payerport/fhir-api';

/** A member token of `patient` with the given space-separated scopes. */
export function memberToken(patient: string, scopes: string): AccessContext {
  return { kind: 'patient', patient, scopes: parseSmartScopes(scopes), clientId: 'test-app', sub: `member-${patient}` };
}

/** A backend-services token with the given `system/…` scopes. */
export function systemToken(scopes: string): AccessContext {
  return { kind: 'system', scopes: parseSmartScopes(scopes), clientId: 'test-backend' };
}

/** Resolves `Bearer <name>` to `tokens[name]` in `env` (a token of another environment is invalid there). */
export function testAccessResolver(tokens: Readonly<Record<string, AccessContext>>, env = 'production'): AccessResolver {
  return async (requestEnv, authorization) => {
    const match = /^Bearer (\S+)$/.exec(authorization);
    if (match === null || requestEnv !== env || !Object.hasOwn(tokens, match[1]!)) return undefined;
    return tokens[match[1]!];
  };
}

/** The `Authorization` header of a test token. */
export const bearer = (name: string) => ({ authorization: `Bearer ${name}` });
