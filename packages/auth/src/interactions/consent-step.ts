/**
 * The signed-in member's steps of an authorization: whose records (only when they may act for
 * more than one patient), then what to share. The chosen patient travels in the consent page's
 * URL and is checked against the member's own links on every request, so a forged id is refused
 * (the picker is shown again) rather than trusted.
 */
import type Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import { scopeCategories } from '../consent/scope-categories.js';
import type { Member, MemberPatient } from '../members/member-accounts.js';
import { readConsentForm, renderConsent } from '../pages/consent.js';
import type { Csrf } from '../pages/csrf.js';
import type { Lang } from '../pages/i18n/pick-language.js';
import { renderMessage } from '../pages/outcome.js';
import { readPatientChoice, renderPatientPicker } from '../pages/patient-picker.js';
import { pageReply, type Fields, type PageReply } from '../web/page-reply.js';
import { appSummary } from './app-summary.js';
import type { InteractionAction } from './interactions.js';
import { consentableScopes, saveConsent } from './save-consent.js';

export interface ConsentStep {
  readonly provider: Provider;
  readonly store: Store;
  readonly env: string;
  readonly fhirBaseUrl: string;
  readonly csrf: Csrf;
  readonly grantLifetimeSeconds: number;
  readonly otherRecordTypes: readonly string[];
  readonly planName: string | undefined;
  readonly timeZone: string | undefined;
  readonly details: Awaited<ReturnType<Provider['interactionDetails']>>;
  readonly member: Member;
  readonly lang: Lang;
  readonly cookies: readonly string[] | undefined;
  /** `{interactionPath}/{uid}` */
  readonly base: string;
  readonly action: InteractionAction;
  readonly query: Fields;
  readonly form: Fields;
  readonly finish: (result: Parameters<Provider['interactionResult']>[2]) => Promise<PageReply>;
}

export async function consentStep(s: ConsentStep): Promise<PageReply> {
  const { member, details, base, lang } = s;
  const uid = details.uid;
  const options = { lang, ...(s.planName === undefined ? {} : { planName: s.planName }), ...(s.timeZone === undefined ? {} : { timeZone: s.timeZone }) };
  const page = (status: number, html: string): PageReply => pageReply(status, html, s.cookies);
  if (member.patients.length === 0) return page(403, renderMessage({ ...options, kind: 'error' }));
  const picker = (status: number): PageReply => page(status, renderPatientPicker({
    ...options, selfUrl: base, csrf: s.csrf.issue(uid), action: `${base}/patient`, member: { displayName: member.displayName }, patients: member.patients,
  }));

  if (s.action === 'patient') {
    const chosen = readPatientChoice(s.form, member.patients);
    if (chosen === undefined) return picker(400);
    // Post/redirect/get: the consent page has its own URL, so reloading it does not re-post.
    return { kind: 'redirect', location: `${base}?${new URLSearchParams({ patient: chosen.patientId, lang })}`, ...(s.cookies === undefined ? {} : { cookies: s.cookies }) };
  }

  const only = member.patients.length === 1 ? member.patients[0] : undefined;
  const patient: MemberPatient | undefined = only ?? readPatientChoice(s.query, member.patients);
  if (patient === undefined) return picker(s.query.patient === undefined ? 200 : 400);

  if (s.action === 'consent') {
    const { allow, keptCategoryIds } = readConsentForm(s.form);
    if (!allow) return s.finish({ error: 'access_denied', error_description: 'The member did not allow access' });
    const grantId = await saveConsent({ ...s, patient, keptCategoryIds });
    return s.finish({ consent: { grantId } });
  }

  const app = await appSummary(s.store, s.env, String(details.params.client_id));
  const selfUrl = only === undefined ? `${base}?${new URLSearchParams({ patient: patient.patientId })}` : base;
  return page(200, renderConsent({
    ...options,
    selfUrl,
    csrf: s.csrf.issue(uid),
    action: only === undefined ? `${base}/consent?${new URLSearchParams({ patient: patient.patientId })}` : `${base}/consent`,
    app,
    patientDisplay: patient.display,
    categories: scopeCategories(consentableScopes(details.params.scope)),
    expiresAt: new Date(Date.now() + s.grantLifetimeSeconds * 1000),
  }));
}
