/**
 * SMART launch context of a grant: the patient the member chose at consent and the `fhirUser`
 * of the id_token. Kept as its own row keyed by grant id (oidc-provider's Grant keeps no extra
 * fields); the adapter deletes it with the grant, so a revoked grant loses its context.
 */
import type { Store } from '@payerport/store';

export const LAUNCH_MODEL = 'SmartLaunch';

export interface LaunchContext {
  /** FHIR id of the Patient the app may read. */
  readonly patient: string;
  /** `Patient/<id>` (or another FHIR reference) of the signed-in member. */
  readonly fhirUser: string;
}

export async function saveLaunchContext(store: Store, env: string, grantId: string, context: LaunchContext, expiresAt: number | undefined): Promise<void> {
  await store.auth.payloads.upsert(env, LAUNCH_MODEL, grantId, { payload: JSON.stringify(context), grantId, expiresAt });
}

export async function findLaunchContext(store: Store, env: string, grantId: string | undefined): Promise<LaunchContext | undefined> {
  if (grantId === undefined) return undefined;
  const row = await store.auth.payloads.find(env, LAUNCH_MODEL, grantId);
  return row === undefined ? undefined : JSON.parse(row.payload) as LaunchContext;
}
