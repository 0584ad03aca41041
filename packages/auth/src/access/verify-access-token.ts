/**
 * Resolves the bearer token of a FHIR request to what it allows. Tokens are opaque and looked up
 * in the store (one primary-key read): revoking one takes effect on the next request, which a
 * self-contained JWT could not offer. Scope enforcement is the FHIR layer's job; this only says
 * who, for which patient, with which scopes.
 */
import type Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import { REVOKED_MODEL } from '../provider/store-adapter.js';

/** What a valid token grants — the access context the FHIR layer enforces. */
export interface AccessGrant {
  readonly clientId: string;
  /** The member's account id; undefined for backend (client_credentials) tokens. */
  readonly sub: string | undefined;
  /** FHIR id of the patient in context (`patient/` scopes apply to it). */
  readonly patient: string | undefined;
  /** Granted clinical-data scopes (`patient/…`, `user/…`, `system/…`). */
  readonly scopes: readonly string[];
  readonly grantId: string | undefined;
  /** Expiry, epoch seconds. */
  readonly expiresAt: number;
}

export type TokenFailure = 'missing' | 'invalid' | 'expired' | 'revoked' | 'wrong-environment';

export type TokenCheck = { ok: true; grant: AccessGrant } | { ok: false; reason: TokenFailure };

// Opaque tokens are 43 base64url characters; anything far off is not worth a database read.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/** Whether a client may still use its tokens (exists, not disabled). */
export type ClientActive = (clientId: string) => Promise<boolean>;

export async function verifyAccessToken(provider: Provider, store: Store, env: string, token: string | undefined, clientActive: ClientActive): Promise<TokenCheck> {
  if (token === undefined || token === '') return { ok: false, reason: 'missing' };
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const found = await provider.AccessToken.find(token, { ignoreExpiration: true })
    ?? await provider.ClientCredentials.find(token, { ignoreExpiration: true });
  if (found === undefined) {
    const revoked = await store.auth.payloads.find(env, REVOKED_MODEL, token);
    return { ok: false, reason: revoked === undefined ? 'invalid' : 'revoked' };
  }
  if (found.isExpired || found.clientId === undefined) return { ok: false, reason: found.isExpired ? 'expired' : 'invalid' };
  // A disabled app loses access at once, its unexpired tokens included.
  const clientId = found.clientId;
  if (!(await clientActive(clientId))) return { ok: false, reason: 'revoked' };
  const extra = (found.extra ?? {}) as { patient?: unknown };
  return {
    ok: true,
    grant: Object.freeze({
      clientId,
      sub: 'accountId' in found && typeof found.accountId === 'string' ? found.accountId : undefined,
      patient: typeof extra.patient === 'string' ? extra.patient : undefined,
      scopes: Object.freeze((found.scope ?? '').split(' ').filter((s) => s !== '')),
      grantId: 'grantId' in found && typeof found.grantId === 'string' ? found.grantId : undefined,
      expiresAt: found.exp ?? 0,
    }),
  };
}

/**
 * `clientActive` over the store with a short memory: one read per client every few seconds
 * rather than one per FHIR request. Disabling a client takes effect within `ttlMs`.
 */
export function clientStatusCache(store: Store, env: string, ttlMs = 5000): ClientActive {
  const cache = new Map<string, { active: boolean; until: number }>();
  return async (clientId) => {
    const now = Date.now();
    const hit = cache.get(clientId);
    if (hit !== undefined && hit.until > now) return hit.active;
    const row = await store.auth.clients.find(env, clientId);
    const active = row !== undefined && !row.disabled;
    if (cache.size > 10_000) cache.clear();
    cache.set(clientId, { active, until: now + ttlMs });
    return active;
  };
}

/**
 * Verification across environments: a token of another environment is reported as
 * `wrong-environment` (looked up only after it failed in its own), so an app pointed at the
 * wrong base URL learns why.
 */
export function createTokenVerifier(servers: ReadonlyArray<{ env: string; verify(token: string | undefined, options?: { recordUse?: boolean }): Promise<TokenCheck> }>) {
  return async (env: string, token: string | undefined): Promise<TokenCheck> => {
    const own = servers.find((s) => s.env === env);
    if (own === undefined) return { ok: false, reason: 'invalid' };
    const result = await own.verify(token);
    if (result.ok || result.reason !== 'invalid') return result;
    for (const other of servers) {
      // Only a probe: the token is refused here, so it is no use of its grant.
      if (other !== own && (await other.verify(token, { recordUse: false })).ok) return { ok: false, reason: 'wrong-environment' };
    }
    return result;
  };
}
