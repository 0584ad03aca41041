/**
 * One environment's authorization server: an oidc-provider instance over the store, plus what
 * the HTTP layer needs around it (the request handler for its mount path, the sign-in and
 * consent steps, the discovery document, token verification for the FHIR layer).
 */
import { categoryOfType } from '../consent/categories.js';
import { hkdfSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import { smartConfiguration, type OAuthUris } from '../discovery/smart-configuration.js';
import { createAccountPages, type AccountPages } from '../account/account-pages.js';
import { createLastUsed } from '../access/last-used.js';
import { createInteractions, type Interactions } from '../interactions/interactions.js';
import { createCsrf } from '../pages/csrf.js';
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
  /** Absolute path of the member's account pages (Connected apps), e.g. `/sandbox/account`. */
  readonly accountPath?: string;
  /**
   * Resource types that hold member data (protected Patient-compartment types): those no consent
   * category names are what "Other records" grants when a member narrows a wildcard.
   */
  readonly memberDataTypes?: readonly string[];
  /** The plan's name and IANA time zone on the member pages (defaults: "your health plan", UTC). */
  readonly planName?: string;
  readonly timeZone?: string;
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
  /** Connected apps: the member's grants, and revoking them. */
  readonly account: AccountPages;
  /**
   * Resolves a bearer token presented to this environment's FHIR API; a valid one counts as a
   * use of its grant (Connected apps' "last used") unless `recordUse` is false.
   */
  verify(token: string | undefined, options?: { recordUse?: boolean }): Promise<TokenCheck>;
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
    https: issuer.startsWith('https:'),
  }));
  // The PUBLIC_URL decides scheme and host of every URL the provider generates (see handle).
  provider.proxy = true;
  // A confidential client's stored `client_secret` is the scrypt hash of the real one.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: { clientSecret?: string }, actual: string) {
    return verifySecret(actual, this.clientSecret);
  };
  alwaysAskConsent(provider);
  // Outermost first: the audit trail sees the response the SMART middleware completed.
  if (options.audit !== undefined) provider.use(auditTrail(options.audit, store, env, provider));
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
  const secureCookies = origin.protocol === 'https:';
  // CSRF tokens are signed with a key derived from the environment's stored cookie key: every
  // node verifies what another issued, and a restart does not void open pages.
  const csrf = createCsrf(new Uint8Array(hkdfSync('sha256', Buffer.from(keys.cookieKeys[0]!, 'base64url'), Buffer.alloc(0), `payerport csrf ${env}`, 32)));
  const grantLifetimeSeconds = options.grantLifetimeDays * 86_400;
  const lastUsed = createLastUsed(store, env, { keepMs: grantLifetimeSeconds * 1000 });
  const pages = { ...(options.planName === undefined ? {} : { planName: options.planName }), ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) };

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
    interactions: createInteractions({
      provider, store, env, members: options.members, fhirBaseUrl: options.fhirBaseUrl, interactionPath: options.interactionPath,
      csrf, grantLifetimeSeconds, secureCookies, ...pages,
      otherRecordTypes: (options.memberDataTypes ?? []).filter((type) => categoryOfType(type) === 'other'),
    }),
    account: createAccountPages({
      provider, store, env, members: options.members, csrf, lastUsed, secureCookies, ...pages,
      accountPath: options.accountPath ?? `${options.interactionPath.replace(/\/interaction$/, '')}/account`,
    }),
    async verify(token, verifyOptions) {
      const check = await verifyAccessToken(provider, store, env, token, clientActive);
      if (check.ok && check.grant.grantId !== undefined && verifyOptions?.recordUse !== false) lastUsed.touch(check.grant.grantId);
      return check;
    },
  };
}
