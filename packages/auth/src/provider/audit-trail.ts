/**
 * The authorization server's part of the audit trail (issue P4 item 8), as a Koa middleware
 * around every endpoint: each authorization that returns to the app (with a code or an error),
 * each token issuance, refresh or refused grant, and each revocation — which app, which member,
 * which patient, when, and the outcome. Never a token, code or secret: only their ids' owners.
 * Registered before the SMART token-response middleware, so it sees the final body (`patient`).
 *
 * A token request that presents a code or refresh token already used makes oidc-provider revoke
 * the whole grant (RFC 6749 §4.1.2, OAuth 2.0 Security BCP §4.14.2): the app only sees
 * `invalid_grant`, like any bad code, but the trail records the revocation as its own event
 * (`revocation:reuse-detected`), told by the provider's `grant.revoked` event during the request.
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { AuditEvent, Store } from '@payerport/store';
import { findLaunchContext } from './launch-context.js';

type Next = () => Promise<void>;
export type AuditRecorder = (event: AuditEvent) => void;

/** What a request's reuse revoked, by grant type. */
const REUSED: Readonly<Record<string, string>> = { authorization_code: 'authorization code used again', refresh_token: 'rotated refresh token used again' };

export function auditTrail(record: AuditRecorder, store: Store, env: string, provider: Provider) {
  // The grant each request revoked; the provider emits this with the request's own context.
  const revokedBy = new WeakMap<object, string>();
  provider.on('grant.revoked', (ctx: object, grantId: string) => revokedBy.set(ctx, grantId));
  return async (ctx: KoaContextWithOIDC, next: Next): Promise<void> => {
    await next();
    const oidc = ctx.oidc;
    if (oidc === undefined) return;
    const clientId = oidc.client?.clientId;
    const grant = oidc.entities.Grant;
    const base = { env, atMs: Date.now(), clientId, grantId: grant?.jti };
    const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>;
    const error = typeof body.error === 'string' ? body.error : undefined;
    switch (oidc.route) {
      case 'token': {
        const grantType = typeof oidc.params?.grant_type === 'string' ? oidc.params.grant_type : 'unknown';
        const patient = typeof body.patient === 'string' ? body.patient : undefined;
        const revoked = revokedBy.get(ctx);
        const reuse = revoked === undefined ? undefined : REUSED[grantType] ?? 'grant revoked';
        record({ ...base, kind: 'token', action: `token:${grantType}`, outcome: ctx.status === 200 ? 'success' : `failure:${error ?? ctx.status}`, member: grant?.accountId, patient, detail: reuse });
        if (revoked !== undefined) {
          // A used code is refused before its grant is loaded, and the revocation deletes the code:
          // the member is then known through the grant id, from the exchange that succeeded.
          const member = grant?.accountId ?? oidc.entities.AuthorizationCode?.accountId ?? oidc.entities.RefreshToken?.accountId;
          record({ ...base, kind: 'revocation', action: 'revocation:reuse-detected', outcome: 'success', member, grantId: revoked, detail: reuse });
        }
        return;
      }
      case 'authorization':
      case 'resume': {
        // Only the answer that goes back to the app: a redirect carrying a code or an error.
        const location = ctx.response.get('location');
        if (!/[?&#](code|error)=/.test(location)) return;
        const back = new URL(location, 'http://app.invalid').searchParams;
        const failed = back.get('error');
        const launch = failed === null ? await findLaunchContext(store, env, grant?.jti) : undefined;
        record({ ...base, kind: 'authorization', action: 'authorization:code', outcome: failed === null ? 'success' : `failure:${failed}`, member: oidc.session?.accountId ?? grant?.accountId, patient: launch?.patient });
        return;
      }
      case 'revocation': {
        const token = oidc.entities.AccessToken ?? oidc.entities.RefreshToken;
        record({ ...base, kind: 'revocation', action: 'revocation:token', outcome: ctx.status === 200 ? 'success' : `failure:${error ?? ctx.status}`, member: token?.accountId, grantId: token?.grantId });
        return;
      }
      default:
        return;
    }
  };
}
