/**
 * The audit record of a FHIR request made with a token (issue P4 item 8): which app, member and
 * patient, what interaction on which type, and the outcome — never the token. A request for
 * member data (a protected type) that succeeds is a *transfer* for the CMS-0057-F metrics;
 * directory and formulary reads with a token are recorded as `fhir-public`, and a credential
 * that is not a valid token as a failure without app or member, with the reason it was refused.
 */
import type { AccessContext, FhirRoute } from '@payerport/fhir-api';
import type { TokenFailure } from '@payerport/auth';
import type { AuditEvent } from '@payerport/store';

export function fhirAuditEvent(
  env: string, route: FhirRoute, access: AccessContext | undefined, status: number, publicTypes: ReadonlySet<string>,
  failure?: TokenFailure,
): AuditEvent {
  const onPublic = route.type !== undefined && publicTypes.has(route.type);
  const action = `fhir:${route.interaction}${route.type === undefined ? '' : ` ${route.type}`}${route.operation === undefined ? '' : ` $${route.operation}`}`;
  if (access === undefined) {
    // Why the token was refused (expired, revoked, invalid, wrong-environment) goes to the trail
    // only: the client gets the same `invalid_token` challenge for each.
    return { env, atMs: Date.now(), kind: onPublic ? 'fhir-public' : 'fhir', action, outcome: 'failure:invalid_token', ...(failure !== undefined ? { detail: failure } : {}) };
  }
  return {
    env,
    atMs: Date.now(),
    kind: onPublic ? 'fhir-public' : 'fhir',
    action,
    outcome: status < 400 ? 'success' : `failure:${status}`,
    clientId: access.clientId,
    ...(access.kind === 'patient' ? { member: access.sub, patient: access.patient === '' ? undefined : access.patient } : {}),
  };
}
