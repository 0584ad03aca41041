/**
 * The authorization server's part of the audit trail (issue P4 item 8), as a Koa middleware
 * around every endpoint: each authorization that returns to the app (with a code or an error),
 * each token issuance, refresh or refused grant, and each revocation — which app, which member,
 * which patient, when, and the outcome. Never a token, code or secret: only their ids' owners.
 * Registered before the SMART token-response middleware, so it sees the final body (`patient`).
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { AuditEvent, Store } from '@payerport/store';
import { findLaunchContext } from './launch-context.js';

type Next = () => Promise<void>;
export type AuditRecorder = (event: AuditEvent) => void;

export function auditTrail(record: AuditRecorder, store: Store, env: string) {
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
        record({ ...base, kind: 'token', action: `token:${grantType}`, outcome: ctx.status === 200 ? 'success' : `failure:${error ?? ctx.status}`, member: grant?.accountId, patient });
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
