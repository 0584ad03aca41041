/**
 * SMART clinical-data scopes as resource indicators (RFC 8707). oidc-provider grants only scopes
 * it can list; SMART scopes are open-ended (`patient/Observation.rs?category=laboratory`), so the
 * FHIR base is the one resource server and, for each request, its scope list is the
 * grantable SMART scopes found in the request (or in the code / refresh token being exchanged).
 */
import { errors, type KoaContextWithOIDC, type ResourceServer } from 'oidc-provider';
import { memberScopes, systemScopes } from '../scopes/smart-scopes.js';

export interface ResourceServerOptions {
  readonly fhirBaseUrl: string;
  readonly accessTokenTtl: number;
  readonly publicSystemTypes: ReadonlySet<string>;
}

/** `features.resourceIndicators` for one environment. */
export function resourceIndicators(options: ResourceServerOptions) {
  const { fhirBaseUrl } = options;
  return {
    enabled: true,
    // Apps need not send `resource`: SMART's `aud` names the same FHIR base (checked separately).
    defaultResource: (_ctx: KoaContextWithOIDC, _client: unknown, oneOf?: readonly string[]) => oneOf ?? fhirBaseUrl,
    useGrantedResource: () => true,
    getResourceServerInfo: (ctx: KoaContextWithOIDC, resource: string): ResourceServer => {
      if (resource !== fhirBaseUrl) throw new errors.InvalidTarget(`the only resource is ${fhirBaseUrl}`);
      const { params, entities } = ctx.oidc;
      const requested = typeof params?.scope === 'string' ? params.scope : undefined;
      const scopes = params?.grant_type === 'client_credentials'
        ? systemScopes(requested, options.publicSystemTypes)
        : memberScopes(requested, entities.AuthorizationCode?.scope, entities.RefreshToken?.scope);
      return { scope: scopes.join(' '), audience: fhirBaseUrl, accessTokenTTL: options.accessTokenTtl, accessTokenFormat: 'opaque' };
    },
  };
}
