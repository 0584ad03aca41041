/**
 * SMART's discovery document, served at `{fhirBase}/.well-known/smart-configuration`, and the
 * URLs the CapabilityStatement's oauth-uris extension repeats.
 * https://hl7.org/fhir/smart-app-launch/STU2/conformance.html#metadata
 */
import { AUTH_METHODS } from '../clients/client-metadata.js';
import { CLIENT_AUTH_ALGS } from '../provider/provider-config.js';
import { SCOPES_SUPPORTED } from '../scopes/smart-scopes.js';

export interface OAuthUris {
  readonly issuer: string;
  readonly authorize: string;
  readonly token: string;
  readonly revoke: string;
  readonly introspect: string;
  readonly jwks: string;
  /** Present where dynamic registration is on. */
  readonly register?: string;
}

const CAPABILITIES = [
  'launch-standalone',
  'client-public',
  'client-confidential-symmetric',
  'client-confidential-asymmetric',
  'context-standalone-patient',
  'permission-patient',
  'permission-user',
  'permission-offline',
  'permission-v1',
  'permission-v2',
  'sso-openid-connect',
];

export function smartConfiguration(uris: OAuthUris): Record<string, unknown> {
  return {
    issuer: uris.issuer,
    jwks_uri: uris.jwks,
    authorization_endpoint: uris.authorize,
    token_endpoint: uris.token,
    introspection_endpoint: uris.introspect,
    revocation_endpoint: uris.revoke,
    ...(uris.register === undefined ? {} : { registration_endpoint: uris.register }),
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    scopes_supported: [...SCOPES_SUPPORTED],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: [...AUTH_METHODS],
    token_endpoint_auth_signing_alg_values_supported: [...CLIENT_AUTH_ALGS],
    // authorize-post needs a SameSite=None session cookie, which browsers keep only over https (provider-config.ts).
    capabilities: uris.issuer.startsWith('https:') ? [...CAPABILITIES, 'authorize-post'] : CAPABILITIES,
  };
}
