/**
 * Turns an Allow on the consent page into an oidc-provider Grant: exactly the scopes of the
 * categories the member kept (`grantedScopes`: a wildcard as asked when every category was kept,
 * else split into per-type scopes), for the patient they chose, with the launch context beside it.
 *
 * The interaction's stored request `scope` is replaced by the granted scopes before it resumes.
 * oidc-provider issues the code with the scopes both requested and granted, so per-type scopes
 * made from a narrowed wildcard would otherwise be filtered out; and with the request narrowed to what
 * was granted, nothing the member unticked counts as "still missing", so consent does not loop.
 */
import type Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import { grantedScopes } from '../consent/scope-categories.js';
import type { Member, MemberPatient } from '../members/member-accounts.js';
import { saveLaunchContext } from '../provider/launch-context.js';
import { memberScopes, splitScopes } from '../scopes/smart-scopes.js';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The scopes a request asks for that the consent page can show: the OIDC ones and grantable SMART ones. */
export function consentableScopes(scope: unknown): string[] {
  const text = typeof scope === 'string' ? scope : '';
  return [...splitScopes(text).oidc, ...memberScopes(text)];
}

export interface ConsentDecision {
  readonly provider: Provider;
  readonly store: Store;
  readonly env: string;
  readonly fhirBaseUrl: string;
  readonly details: Interaction;
  readonly member: Member;
  readonly patient: MemberPatient;
  readonly keptCategoryIds: readonly string[];
  /** What "Other records" grants when a wildcard is narrowed. */
  readonly otherRecordTypes: readonly string[];
}

/** Saves the grant and launch context; returns the grant id for `interactionResult`. */
export async function saveConsent(d: ConsentDecision): Promise<string> {
  const requested = consentableScopes(d.details.params.scope);
  const granted = grantedScopes(requested, d.keptCategoryIds, d.otherRecordTypes).split(' ').filter((s) => s !== '');
  // online_access carries no data (it only asks for a refresh token tied to a session, which this server does not issue).
  if (requested.includes('online_access')) granted.push('online_access');
  const { oidc, resource } = splitScopes(granted.join(' '));
  const clientId = String(d.details.params.client_id);
  const grant = new d.provider.Grant({ accountId: d.member.id, clientId });
  if (oidc.length > 0) grant.addOIDCScope(oidc.join(' '));
  if (resource.length > 0) grant.addResourceScope(d.fhirBaseUrl, resource.join(' '));
  const grantId = await grant.save();

  d.details.params.scope = granted.join(' ');
  await d.details.save(Math.max(1, (d.details.exp ?? 0) - Math.floor(Date.now() / 1000)));

  const saved = await d.provider.Grant.find(grantId);
  const self = d.member.patients.find((p) => p.relationship === 'self') ?? d.patient;
  await saveLaunchContext(d.store, d.env, grantId, {
    patient: d.patient.patientId,
    fhirUser: `Patient/${self.patientId}`,
    memberId: d.member.id,
    clientId,
    ...(d.patient.relationship === 'self' ? {} : { patientDisplay: d.patient.display }),
    grantedAt: Date.now(),
    scope: granted.join(' '),
  }, saved?.exp === undefined ? undefined : saved.exp * 1000);
  return grantId;
}
