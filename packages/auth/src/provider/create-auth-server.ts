/**
 * One environment's authorization server: an oidc-provider instance over the store, plus what
 * the HTTP layer needs around it (the request handler for its mount path, the sign-in and
 * consent steps, the discovery document, token verification for the FHIR layer).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import { smartConfiguration, type OAuthUris } from '../discovery/smart-configuration.js';
import { createInteractions, type Interactions } from '../interactions/interactions.js';
import { loadKeys } from '../keys/signing-keys.js';
import type { MemberAccounts } from '../members/member-accounts.js';
import { clientStatusCache, verifyAccessToken, type TokenCheck } from '../access/verify-access-token.js';
import { verifySecret } from '../secrets/secret-hash.js';
import { PUBLIC_SYSTEM_TYPES } from '../scopes/smart-scopes.js';
import { providerConfiguration } from './provider-config.js';
import { alwaysAskConsent } from './smart-prompts.js';
import { auditTrail, type AuditRecorder } from './audit-trail.js';
import { tokenResponse } from './token-response.js';

export interface AuthServerOptions {
  readonly store: Store;
  /** Environment name: its tokens, clients and keys are its own. */
  readonly env: string;
  /** `{PUBLIC_URL}/oauth` or `{PUBLIC_URL}/sandbox/oauth`. */
  readonly issuer: string;
  /** The FHIR base this server issues tokens for (SMART `aud`). */
  readonly fhirBaseUrl: string;
  /** Absolute path of the sign-in/consent pages, e.g. `/sandbox/interaction`. */
  readonly interactionPath: string;
  readonly members: MemberAccounts;
  /** How long a member's authorization lasts (refresh stops after it). */
  readonly grantLifetimeDays: number;
  /** RFC 7591 dynamic registration at `{issuer}/register`. */
  readonly registration: boolean;
  /** Access token lifetime in seconds (default 3600). */
  readonly accessTokenTtl?: number;
  /** Resource types `system/` scopes may name (default: directory and formulary types). */
  readonly publicSystemTypes?: readonly string[];
  /** Receives an audit event per authorization, token request and revocation. */
  readonly audit?: AuditRecorder | undefined;
}

export interface AuthServer {
  readonly env: string;
  readonly issuer: string;
  readonly fhirBaseUrl: string;
  /** Path below the origin where `handle` is mounted. */
  readonly mountPath: string;
  readonly provider: Provider;
  readonly uris: OAuthUris;
  /**
   * Serves a request for anything under `mountPath` (`req.url` as received, with the mount path).
   * The caller must not have read the body.
   */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** `{fhirBase}/.well-known/smart-configuration` — https://hl7.org/fhir/smart-app-launch/STU2/conformance.html */
  smartConfiguration(): Record<string, unknown>;
  readonly interactions: Interactions;
  /** Resolves a bearer token presented to this environment's FHIR API. */
  verify(token: string | undefined): Promise<TokenCheck>;
}

export async function createAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const { store, env, issuer } = options;
  const mountPath = new URL(issuer).pathname.replace(/\/+$/, '');
  const keys = await loadKeys(store, env);
  const accessTokenTtl = options.accessTokenTtl ?? 3600;
  const provider = new Provider(issuer, providerConfiguration({
    store,
    env,
    fhirBaseUrl: options.fhirBaseUrl,
    mountPath,
    interactionPath: options.interactionPath,
    members: options.members,
    jwks: keys.jwks,
    cookieKeys: keys.cookieKeys,
    grantLifetimeSeconds: options.grantLifetimeDays * 86_400,
    accessTokenTtl,
    registration: options.registration,
    publicSystemTypes: new Set(options.publicSystemTypes ?? PUBLIC_SYSTEM_TYPES),
  }));
  // The PUBLIC_URL decides scheme and host of every URL the provider generates (see handle).
  provider.proxy = true;
  // A confidential client's stored `client_secret` is the scrypt hash of the real one.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: { clientSecret?: string }, actual: string) {
    return verifySecret(actual, this.clientSecret);
  };
  alwaysAskConsent(provider);
  // Outermost first: the audit trail sees the response the SMART middleware completed.
  if (options.audit !== undefined) provider.use(auditTrail(options.audit, store, env));
  provider.use(tokenResponse(store, env));

  const uris: OAuthUris = {
    issuer,
    authorize: `${issuer}/authorize`,
    token: `${issuer}/token`,
    revoke: `${issuer}/revoke`,
    introspect: `${issuer}/introspect`,
    jwks: `${issuer}/jwks`,
    ...(options.registration ? { register: `${issuer}/register` } : {}),
  };
  const callback = provider.callback();
  const clientActive = clientStatusCache(store, env);
  const origin = new URL(issuer);
  const forwardedProto = origin.protocol.slice(0, -1);

  return {
    env,
    issuer,
    fhirBaseUrl: options.fhirBaseUrl,
    mountPath,
    provider,
    uris,
    handle(req, res) {
      const url = req.url ?? '/';
      // Koa sees the path below the mount; oidc-provider rebuilds endpoint URLs from originalUrl.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(mountPath.length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
      req.headers['x-forwarded-proto'] = forwardedProto;
      req.headers['x-forwarded-host'] = origin.host;
      void callback(req, res);
    },
    smartConfiguration: () => smartConfiguration(uris),
    interactions: createInteractions({ provider, store, env, members: options.members, fhirBaseUrl: options.fhirBaseUrl, interactionPath: options.interactionPath }),
    verify: (token) => verifyAccessToken(provider, store, env, token, clientActive),
  };
}
