/**
 * What the member pages show of an app, from its registered metadata: name, logo, policy and
 * terms links (the page keeps only http(s) ones), and whether the developer attested to a
 * privacy policy (`payerport_privacy_policy_attested`, informational only — 42 CFR 422.119(e)).
 */
import type { Store } from '@payerport/store';
import type { ConsentApp } from '../pages/consent.js';

/** Client metadata field recording the developer's privacy-policy attestation. */
export const PRIVACY_ATTESTATION = 'payerport_privacy_policy_attested';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The app as the pages show it; a client gone since (deleted) is shown by its id. */
export async function appSummary(store: Store, env: string, clientId: string): Promise<ConsentApp> {
  const row = await store.auth.clients.find(env, clientId);
  const m = row === undefined ? {} : JSON.parse(row.metadata) as Record<string, unknown>;
  const logoUri = text(m.logo_uri);
  const policyUri = text(m.policy_uri);
  const tosUri = text(m.tos_uri);
  return {
    name: text(m.client_name) ?? clientId,
    ...(logoUri === undefined ? {} : { logoUri }),
    ...(policyUri === undefined ? {} : { policyUri }),
    ...(tosUri === undefined ? {} : { tosUri }),
    attestedPrivacyPolicy: m[PRIVACY_ATTESTATION] === true,
  };
}
