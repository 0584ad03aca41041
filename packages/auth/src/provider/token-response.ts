/**
 * Completes token endpoint responses the SMART way (a Koa post-middleware): `patient` from the
 * grant's launch context, the granted OIDC scopes merged back into `scope` (oidc-provider lists
 * only the resource's), `grant_expires_at` (when the member's authorization ends and refresh
 * stops), and `Pragma: no-cache` beside `Cache-Control: no-store` (RFC 6749 §5.1).
 * https://hl7.org/fhir/smart-app-launch/STU2/app-launch.html#response-5
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Store } from '@payerport/store';
import { findLaunchContext } from './launch-context.js';

type Next = () => Promise<void>;

export function tokenResponse(store: Store, env: string) {
  return async (ctx: KoaContextWithOIDC, next: Next): Promise<void> => {
    await next();
    if (ctx.oidc?.route !== 'token') return;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Pragma', 'no-cache');
    const body = ctx.body as Record<string, unknown> | undefined;
    const grant = ctx.oidc.entities.Grant;
    if (ctx.status !== 200 || body === undefined || typeof body !== 'object' || grant === undefined) return;
    const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
    const asked = new Set((typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : source?.scope ?? '').split(' '));
    const oidc = grant.getOIDCScopeFiltered(asked).split(' ').filter((s) => s !== '');
    const resource = typeof body.scope === 'string' ? body.scope.split(' ').filter((s) => s !== '') : [];
    body.scope = [...new Set([...oidc, ...resource])].join(' ');
    const launch = await findLaunchContext(store, env, grant.jti);
    if (launch !== undefined) body.patient = launch.patient;
    if (typeof grant.exp === 'number') body.grant_expires_at = grant.exp;
  };
}
