/** Sample options for each member page, and markup checks shared by the page tests. */
import assert from 'node:assert/strict';
import { scopeCategories } from '../consent/scope-categories.js';
import type { MemberPatient } from '../members/member-accounts.js';
import { renderConnectedApps } from './connected-apps.js';
import { renderConsent } from './consent.js';
import type { Lang } from './i18n/pick-language.js';
import { renderMessage, renderSignedOut } from './outcome.js';
import { renderPatientPicker } from './patient-picker.js';
import { renderSignIn } from './sign-in.js';

export const HOSTILE = `Evil"><script>alert(1)</script><img src=x onerror=alert(2)>`;
export const PATIENTS: MemberPatient[] = [
  { patientId: 'p-alice', relationship: 'self', display: 'Alice Example' },
  { patientId: 'p-bobby', relationship: 'parent', display: 'Bobby <b>Example</b>' },
];
const REQUESTED = ['openid', 'fhirUser', 'launch/patient', 'offline_access', 'patient/*.rs', 'patient/Basic.rs'];
const WHEN = new Date('2026-06-01T15:00:00Z');

/** Every page, rendered in `lang` with hostile app data where a page shows app data. */
export function allPages(lang: Lang): Record<string, string> {
  const base = { lang, csrf: 'csrf-token', action: '/sandbox/oauth/interaction/abc', timeZone: 'America/New_York' };
  const app = {
    name: HOSTILE, logoUri: 'javascript:alert(3)', policyUri: 'javascript:alert(4)', tosUri: 'data:text/html,<script>x</script>',
    attestedPrivacyPolicy: false,
  };
  return {
    signIn: renderSignIn({ ...base, clientName: HOSTILE }),
    signInInvalid: renderSignIn({ ...base, clientName: 'App', error: { reason: 'invalid' }, username: HOSTILE }),
    signInLocked: renderSignIn({ ...base, clientName: 'App', error: { reason: 'locked', lockedUntil: WHEN } }),
    picker: renderPatientPicker({ ...base, member: { displayName: HOSTILE }, patients: PATIENTS }),
    consent: renderConsent({ ...base, app, patientDisplay: HOSTILE, categories: scopeCategories(REQUESTED), expiresAt: WHEN }),
    connectedApps: renderConnectedApps({
      ...base, member: { displayName: 'Alice' },
      apps: [
        { grantId: 'g-1', name: HOSTILE, logoUri: 'javascript:alert(5)', categories: scopeCategories(['patient/Coverage.rs']), grantedAt: WHEN, expiresAt: WHEN },
        { grantId: 'g-"2', name: 'Second App', categories: scopeCategories(REQUESTED), grantedAt: WHEN, lastUsedAt: WHEN, expiresAt: WHEN, patientDisplay: 'Bobby' },
      ],
    }),
    noApps: renderConnectedApps({ ...base, member: { displayName: 'Alice' }, apps: [] }),
    denied: renderMessage({ lang, kind: 'denied', appName: HOSTILE }),
    revoked: renderMessage({ lang, kind: 'revoked', appName: HOSTILE, continueHref: '/sandbox/account/apps' }),
    expired: renderMessage({ lang, kind: 'expired' }),
    signedOut: renderSignedOut({ lang, signInHref: '/sandbox/account' }),
  };
}

/** Attributes of each tag named `tag` (`<input …>`), as maps. */
export function tags(page: string, tag: string): Map<string, string>[] {
  return [...page.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    new Map([...m[1]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? ''])));
}

/** Every visible input has an id and a `<label for>` naming it; ids are unique. */
export function assertLabelled(page: string, name: string): void {
  const ids = tags(page, '[a-z]+').map((a) => a.get('id')).filter((id) => id !== undefined);
  assert.equal(new Set(ids).size, ids.length, `${name}: duplicate ids`);
  const labels = new Set(tags(page, 'label').map((a) => a.get('for')));
  for (const input of tags(page, 'input')) {
    if (input.get('type') === 'hidden') continue;
    const id = input.get('id');
    assert.ok(id !== undefined && labels.has(id), `${name}: input ${input.get('name')} has no label`);
  }
  for (const id of tags(page, '[a-z]+').flatMap((a) => (a.get('aria-describedby') ?? '').split(' ').filter((x) => x !== ''))) {
    assert.ok(ids.includes(id), `${name}: aria-describedby points at missing #${id}`);
  }
}
