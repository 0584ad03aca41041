/**
 * The environments every server runs: each is a store partition with its own FHIR base URL.
 * https://hl7.org/fhir/R4/http.html#root (the "service base URL")
 */

export interface EnvironmentSpec {
  readonly name: string;
  /** Path of the FHIR base below PUBLIC_URL. */
  readonly path: string;
  /** Path of the environment's OAuth issuer below PUBLIC_URL. */
  readonly oauthPath: string;
  /** Path of its sign-in and consent pages below PUBLIC_URL (outside the issuer's prefix). */
  readonly interactionPath: string;
  /** Path of the member's account pages (Connected apps) below PUBLIC_URL. */
  readonly accountPath: string;
}

export const ENVIRONMENTS: readonly EnvironmentSpec[] = Object.freeze([
  { name: 'sandbox', path: '/sandbox/fhir/R4', oauthPath: '/sandbox/oauth', interactionPath: '/sandbox/interaction', accountPath: '/sandbox/account' },
  { name: 'production', path: '/fhir/R4', oauthPath: '/oauth', interactionPath: '/interaction', accountPath: '/account' },
]);

export interface EnvironmentBase extends EnvironmentSpec {
  /** Absolute FHIR base URL, no trailing slash. */
  readonly baseUrl: string;
  /** Route prefix the server listens on: PUBLIC_URL's own path + `path`. */
  readonly routePrefix: string;
  /** Absolute issuer URL of the environment's authorization server. */
  readonly issuer: string;
  /** Route prefixes of the issuer and of the interaction pages. */
  readonly oauthPrefix: string;
  readonly interactionPrefix: string;
  readonly accountPrefix: string;
}

/** PUBLIC_URL's own path, without a trailing slash: what every route is mounted below ('' at a host's root). */
export function publicPath(publicUrl: string): string {
  return new URL(publicUrl).pathname.replace(/\/+$/, '');
}

/** Resolves each environment's base URL and route prefix against PUBLIC_URL. */
export function environmentBases(publicUrl: string): EnvironmentBase[] {
  const urlPath = publicPath(publicUrl);
  return ENVIRONMENTS.map((e) => ({
    ...e,
    baseUrl: `${publicUrl}${e.path}`,
    routePrefix: `${urlPath}${e.path}`,
    issuer: `${publicUrl}${e.oauthPath}`,
    oauthPrefix: `${urlPath}${e.oauthPath}`,
    interactionPrefix: `${urlPath}${e.interactionPath}`,
    accountPrefix: `${urlPath}${e.accountPath}`,
  }));
}

/** The environment named `name`, or an Error listing the names that exist. */
export function environmentNamed(name: string): EnvironmentSpec {
  const env = ENVIRONMENTS.find((e) => e.name === name);
  if (!env) throw new Error(`Unknown environment ${name} (known: ${ENVIRONMENTS.map((e) => e.name).join(', ')})`);
  return env;
}
