/**
 * SMART launch context of a grant: the patient the member chose at consent and the `fhirUser`
 * of the id_token, plus what the member's Connected apps page shows of it. Kept as its own row
 * keyed by grant id (oidc-provider's Grant keeps no extra fields), with the member id in the
 * row's `uid` column so a member's grants can be listed by index; the adapter deletes it with
 * the grant, so a revoked grant loses its context and leaves the list.
 */
import type { Store } from '@payerport/store';

export const LAUNCH_MODEL = 'SmartLaunch';

export interface LaunchContext {
  /** FHIR id of the Patient the app may read. */
  readonly patient: string;
  /** `Patient/<id>` (or another FHIR reference) of the signed-in member. */
  readonly fhirUser: string;
  /** The member (OIDC `sub`) who consented; absent in rows written before it was recorded. */
  readonly memberId?: string;
  readonly clientId?: string;
  /** The patient's name as the member saw it, when it is not the member's own record. */
  readonly patientDisplay?: string;
  /** Epoch ms of the consent. */
  readonly grantedAt?: number;
  /** The scopes granted (space-separated), for the categories shown on Connected apps. */
  readonly scope?: string;
}

/** A member's grant as listed on Connected apps. */
export interface MemberGrant extends LaunchContext {
  readonly grantId: string;
  /** Epoch ms the grant ends. */
  readonly expiresAt: number | undefined;
}

export async function saveLaunchContext(store: Store, env: string, grantId: string, context: LaunchContext, expiresAt: number | undefined): Promise<void> {
  await store.auth.payloads.upsert(env, LAUNCH_MODEL, grantId, { payload: JSON.stringify(context), grantId, uid: context.memberId, expiresAt });
}

export async function findLaunchContext(store: Store, env: string, grantId: string | undefined): Promise<LaunchContext | undefined> {
  if (grantId === undefined) return undefined;
  const row = await store.auth.payloads.find(env, LAUNCH_MODEL, grantId);
  return row === undefined ? undefined : JSON.parse(row.payload) as LaunchContext;
}

/** The member's live grants (unexpired, not revoked), soonest to end first. */
export async function memberGrants(store: Store, env: string, memberId: string): Promise<MemberGrant[]> {
  const rows = await store.auth.payloads.listByUid(env, LAUNCH_MODEL, memberId);
  return rows.map((row) => ({ ...(JSON.parse(row.payload) as LaunchContext), grantId: row.id, expiresAt: row.expiresAt }));
}
