/**
 * The oidc-provider configuration of one environment, as one table. Each SMART rule is a
 * setting here or a small function in its own file. https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
import type { JsonWebKey } from 'node:crypto';
import { errors, interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Store } from '@payerport/store';
import { AUTH_METHODS } from '../clients/client-metadata.js';
import { PRIVACY_ATTESTATION } from '../interactions/app-summary.js';
import type { MemberAccounts } from '../members/member-accounts.js';
import { OIDC_SCOPES } from '../scopes/smart-scopes.js';
import { renderError } from './error-page.js';
import { findLaunchContext } from './launch-context.js';
import { resourceIndicators } from './resource-server.js';
import { storeAdapter } from './store-adapter.js';

/** Algorithms apps may sign `private_key_jwt` assertions with; SMART asks for RS384 and ES384. */
export const CLIENT_AUTH_ALGS = ['RS256', 'RS384', 'PS256', 'ES256', 'ES384'] as const;

export interface ProviderSettings {
  readonly store: Store;
  readonly env: string;
  readonly fhirBaseUrl: string;
  /** Path of the issuer below the origin: the mount path and the cookie path. */
  readonly mountPath: string;
  /** Path where the sign-in and consent pages live (outside the provider's prefix). */
  readonly interactionPath: string;
  readonly members: MemberAccounts;
  readonly jwks: { keys: JsonWebKey[] };
  readonly cookieKeys: string[];
  readonly grantLifetimeSeconds: number;
  readonly accessTokenTtl: number;
  readonly registration: boolean;
  readonly publicSystemTypes: ReadonlySet<string>;
  /** The issuer is https. Over plain http, browsers drop SameSite=None cookies, so authorize-post is off. */
  readonly https: boolean;
}

/** Seconds until the grant being used expires (tokens never outlive the member's authorization). */
const grantRemaining = (ctx: KoaContextWithOIDC | undefined, fallback: number): number => {
  const exp = ctx?.oidc?.entities.Grant?.exp;
  return typeof exp === 'number' ? Math.max(1, exp - Math.floor(Date.now() / 1000)) : fallback;
};

function originOf(uri: string): string | undefined {
  try {
    return new URL(uri).origin;
  } catch {
    return undefined;
  }
}

export function providerConfiguration(s: ProviderSettings): Configuration {
  return {
    adapter: storeAdapter(s.store, s.env),
    clients: [],
    jwks: s.jwks as Configuration['jwks'],
    // SMART's authorize-post: apps may POST the authorization request (a cross-site form post).
    // The session cookie must ride that post, so it is SameSite=None — which browsers accept only
    // with Secure. Over plain http (a developer's localhost) the cookie would be dropped and no
    // sign-in could finish: there the session cookie is Lax and authorization requests are GET only.
    enableHttpPostMethods: s.https,
    // Two environments share one origin: separate names and paths keep their sessions apart.
    cookies: {
      names: { session: `${s.env}_session`, interaction: `${s.env}_interaction`, resume: `${s.env}_resume` },
      long: { path: s.mountPath, httpOnly: true, sameSite: s.https ? 'none' : 'lax' },
      // No path for the short cookies: oidc-provider then scopes the interaction cookie to the
      // interaction page's own path (outside the issuer prefix) and the resume cookie to the
      // issuer's resume path. A mount-path here would hide the interaction cookie from the pages.
      short: { httpOnly: true, sameSite: 'lax' },
      keys: s.cookieKeys,
    },
    // Paths below the issuer; discovery (smart-configuration.ts) lists the same ones.
    routes: { authorization: '/authorize', token: '/token', revocation: '/revoke', introspection: '/introspect', jwks: '/jwks', registration: '/register' },
    scopes: [...OIDC_SCOPES],
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['preferred_username'] },
    // Without this the id_token carries only `sub` when an access token is issued too.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientAuthMethods: [...AUTH_METHODS],
    // Dynamic registration may carry the privacy-policy attestation the consent page shows.
    extraClientMetadata: {
      properties: [PRIVACY_ATTESTATION],
      validator(_ctx, key, value) {
        if (key === PRIVACY_ATTESTATION && value !== undefined && typeof value !== 'boolean') throw new errors.InvalidClientMetadata(`${PRIVACY_ATTESTATION} must be true or false`);
      },
    },
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    enabledJWA: {
      clientAuthSigningAlgValues: [...CLIENT_AUTH_ALGS],
      idTokenSigningAlgValues: ['RS256'],
    },
    pkce: { required: () => true },
    extraParams: {
      // SMART's `aud`: the FHIR base the app means to call — refuse a token meant for anywhere else.
      aud(_ctx, value) {
        if (value !== s.fhirBaseUrl) throw new errors.InvalidRequest(`aud must be the FHIR base URL ${s.fhirBaseUrl}`);
      },
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async (ctx, client, token) => client.clientAuthMethod !== 'none' || token.clientId === client.clientId },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      registration: s.registration
        ? { enabled: true, initialAccessToken: false, issueRegistrationAccessToken: false }
        : { enabled: false },
      resourceIndicators: resourceIndicators({ fhirBaseUrl: s.fhirBaseUrl, accessTokenTtl: s.accessTokenTtl, publicSystemTypes: s.publicSystemTypes }),
    // The typings spell feature combinations as a union that an object built this way does not narrow to.
    } as Configuration['features'],
    // Each authorization makes a new grant at consent (its own patient); never reuse an older one.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return typeof grantId === 'string' ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    // Rotate on every use, for every client: a stolen refresh token used twice revokes the grant.
    rotateRefreshToken: true,
    // Tokens live on their own (mobile apps have no browser session to tie them to).
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: (ctx) => Math.min(s.accessTokenTtl, grantRemaining(ctx, s.accessTokenTtl)),
      AuthorizationCode: 60,
      ClientCredentials: s.accessTokenTtl,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: s.grantLifetimeSeconds,
      RefreshToken: (ctx) => grantRemaining(ctx, s.grantLifetimeSeconds),
    },
    extraTokenClaims: async (_ctx, token) => {
      const launch = await findLaunchContext(s.store, s.env, 'grantId' in token ? token.grantId : undefined);
      return launch === undefined ? undefined : { patient: launch.patient };
    },
    findAccount: async (_ctx, sub, token) => {
      const member = await s.members.get(s.env, sub);
      if (member === undefined) return undefined;
      const launch = await findLaunchContext(s.store, s.env, token !== undefined && 'grantId' in token ? token.grantId : undefined);
      return {
        accountId: sub,
        claims: async () => ({ sub, preferred_username: member.username, ...(launch === undefined ? {} : { fhirUser: launch.fhirUser }) }),
      };
    },
    interactions: {
      policy: interactionPolicy.base(),
      url: (_ctx, interaction) => `${s.interactionPath}/${interaction.uid}`,
    },
    // Browser apps (public clients) may call the token endpoint from their redirect URIs' origins.
    clientBasedCORS: (_ctx, origin, client) => client.clientAuthMethod === 'none' && client.redirectUris?.some((uri) => originOf(uri) === origin) === true,
    renderError,
  };
}
