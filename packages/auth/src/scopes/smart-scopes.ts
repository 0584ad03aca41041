/**
 * Which requested scopes this server can grant. Identity and launch scopes are a fixed list
 * (oidc-provider's static `scopes`); clinical-data scopes are open-ended (granular queries), so
 * they are recognised with `parseSmartScope` from @payerport/fhir — the same parser the FHIR
 * layer enforces them with — and passed to oidc-provider as resource scopes of the FHIR base.
 * https://hl7.org/fhir/smart-app-launch/STU2/scopes-and-launch-context.html
 */
import { parseSmartScope } from '@payerport/fhir';

/** Scopes oidc-provider knows by name (granted to the grant's OIDC part, not the resource). */
export const OIDC_SCOPES: readonly string[] = Object.freeze([
  'openid', 'fhirUser', 'profile', 'launch/patient', 'offline_access', 'online_access',
]);

/**
 * Public data a backend (client_credentials) client may read with `system/` scopes: the
 * Provider Directory (Plan-Net) and Formulary (US Drug Formulary) resource types.
 */
export const PUBLIC_SYSTEM_TYPES: readonly string[] = Object.freeze([
  'Endpoint', 'HealthcareService', 'InsurancePlan', 'Location', 'Organization', 'OrganizationAffiliation',
  'Practitioner', 'PractitionerRole', 'MedicationKnowledge', 'Basic', 'List',
]);

// The Patient Access API is read-only: a scope that would allow create/update/delete is never granted.
const READ_ONLY = new Set(['r', 's']);

const split = (scope: string | undefined): string[] => (scope ?? '').split(' ').filter((s) => s !== '');

/** Clinical-data scopes a member may grant an app: `patient/` and `user/`, read and search only. */
export function isMemberScope(scope: string): boolean {
  const parsed = parseSmartScope(scope);
  return parsed !== undefined && parsed.context !== 'system' && [...parsed.interactions].every((i) => READ_ONLY.has(i));
}

/** `system/` scopes a backend client may get: public types only, read and search only, no wildcard type. */
export function isSystemScope(scope: string, publicTypes: ReadonlySet<string>): boolean {
  const parsed = parseSmartScope(scope);
  return parsed !== undefined && parsed.context === 'system' && publicTypes.has(parsed.resourceType)
    && [...parsed.interactions].every((i) => READ_ONLY.has(i));
}

/** The member-grantable clinical-data scopes found in space-separated scope strings, deduplicated, in order. */
export function memberScopes(...scopes: (string | undefined)[]): string[] {
  return [...new Set(scopes.flatMap(split).filter(isMemberScope))];
}

/** The grantable `system/` scopes in a scope string. */
export function systemScopes(scope: string | undefined, publicTypes: ReadonlySet<string>): string[] {
  return [...new Set(split(scope).filter((s) => isSystemScope(s, publicTypes)))];
}

/** Splits a scope string into its OIDC (static) part and the rest. */
export function splitScopes(scope: string | undefined): { oidc: string[]; resource: string[] } {
  const all = split(scope);
  return { oidc: all.filter((s) => OIDC_SCOPES.includes(s)), resource: all.filter((s) => !OIDC_SCOPES.includes(s)) };
}

/** Every scope this server can grant at all, for discovery's `scopes_supported` (examples of the open-ended kinds). */
export const SCOPES_SUPPORTED: readonly string[] = Object.freeze([
  ...OIDC_SCOPES,
  'patient/*.read', 'patient/*.rs', 'patient/ExplanationOfBenefit.read', 'patient/ExplanationOfBenefit.rs', 'patient/Coverage.rs',
  'patient/Patient.rs', 'patient/Observation.rs', 'user/*.rs', 'system/Practitioner.rs', 'system/InsurancePlan.rs',
]);
