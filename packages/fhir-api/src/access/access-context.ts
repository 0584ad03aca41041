/**
 * The access context: what the server resolved from a bearer access token, handed to the FHIR
 * layer so that it never needs the authorization server (DESIGN.md: `fhir-api` never imports
 * `auth`). https://hl7.org/fhir/smart-app-launch/STU2/scopes-and-launch-context.html
 */
import type { SmartScope } from '@payerport/fhir';

/** A token issued to an app on behalf of a member: everything is confined to that member's compartment. */
export interface PatientAccess {
  readonly kind: 'patient';
  /** The launch context `patient`: the id of the member's Patient resource in this environment. */
  readonly patient: string;
  /** Granted clinical-data scopes (`patient/…` and `user/…` count; `system/…` do not). */
  readonly scopes: readonly SmartScope[];
  readonly clientId: string;
  /** The signed-in user (the token's `sub`). */
  readonly sub: string;
}

/** A backend-services token (client credentials): `system/…` scopes, no compartment. */
export interface SystemAccess {
  readonly kind: 'system';
  readonly scopes: readonly SmartScope[];
  readonly clientId: string;
}

export type AccessContext = PatientAccess | SystemAccess;

/**
 * What the server's token resolver answers for an `Authorization` header: the context of a valid
 * access token, or undefined when the credential is not one (unknown, expired, revoked, issued for
 * another environment) — the API then answers protected requests with `error="invalid_token"`.
 */
export type AccessResult = AccessContext | undefined;

/** Resolves a bearer credential of one environment; supplied by the server (the auth package's tokens). */
export type AccessResolver = (env: string, authorization: string) => Promise<AccessResult>;
