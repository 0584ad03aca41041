/**
 * Ends a member's grant at once: its access tokens, refresh tokens and unused codes are deleted
 * (the next FHIR request with them is 401, the next refresh `invalid_grant`), then the Grant
 * itself, which takes its launch context and last-used row with it (store-adapter.ts).
 */
import type Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import { LAUNCH_MODEL } from '../provider/launch-context.js';
import { REVOKED_MODEL } from '../provider/store-adapter.js';

const TOKEN_MODELS = ['AccessToken', 'RefreshToken', 'AuthorizationCode'] as const;

export async function revokeGrant(provider: Provider, store: Store, env: string, grantId: string): Promise<void> {
  for (const model of TOKEN_MODELS) await store.auth.payloads.revokeByGrantId(env, model, grantId, model === 'AuthorizationCode' ? undefined : REVOKED_MODEL);
  const grant = await provider.Grant.find(grantId);
  if (grant !== undefined) await grant.destroy();
  // A grant already gone (expired) may leave its launch row until the purge: remove it now.
  await store.auth.payloads.revokeByGrantId(env, LAUNCH_MODEL, grantId);
}
