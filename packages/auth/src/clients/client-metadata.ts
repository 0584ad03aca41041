/**
 * What this server accepts as client metadata (RFC 7591 names), checked before a client is
 * stored by the CLI, the admin API or dynamic registration. Redirect URIs are compared exactly
 * at authorization time, so they must be exact here: absolute, no fragment, https — except
 * loopback addresses for apps on the member's own device (RFC 8252 §7.3).
 */

export const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
const SECRET_METHODS: ReadonlySet<string> = new Set(['client_secret_basic', 'client_secret_post']);
const GRANT_TYPES = new Set(['authorization_code', 'refresh_token', 'client_credentials']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** RFC 7591 metadata as given by an administrator (unknown fields are refused, not kept). */
export interface ClientInput {
  client_name?: unknown;
  redirect_uris?: unknown;
  token_endpoint_auth_method?: unknown;
  grant_types?: unknown;
  jwks?: unknown;
  jwks_uri?: unknown;
  scope?: unknown;
  logo_uri?: unknown;
  client_uri?: unknown;
  contacts?: unknown;
  tos_uri?: unknown;
  policy_uri?: unknown;
  /** The developer attests that the app has a privacy policy (shown to members; never blocks access). */
  payerport_privacy_policy_attested?: unknown;
}

// response_types is accepted (metadata read back from the API carries it) and recomputed.
const KNOWN = new Set(['response_types', 'client_name', 'redirect_uris', 'token_endpoint_auth_method', 'grant_types', 'jwks', 'jwks_uri', 'scope', 'logo_uri', 'client_uri', 'contacts', 'tos_uri', 'policy_uri', 'payerport_privacy_policy_attested']);

/** Why `uri` cannot be a redirect URI, or undefined when it can. */
export function redirectUriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return 'redirect_uris must be strings';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `redirect URI ${uri} is not an absolute URL`;
  }
  if (url.hash !== '' || uri.includes('#')) return `redirect URI ${uri} must not have a fragment`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return undefined;
  if (url.protocol === 'http:') return `redirect URI ${uri} must use https (http only for localhost or 127.0.0.1)`;
  return `redirect URI ${uri} must be an https URL`;
}

/** Whether clients of this method hold a secret. */
export function usesSecret(method: string): boolean {
  return SECRET_METHODS.has(method);
}

/** The normalised metadata, or the list of problems. */
export function checkClientInput(input: unknown): { ok: true; metadata: Record<string, unknown> } | { ok: false; problems: string[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: ['client metadata must be a JSON object'] };
  const given = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(given)) if (!KNOWN.has(key)) problems.push(`unknown client metadata field ${key}`);
  const method = given.token_endpoint_auth_method ?? 'client_secret_basic';
  if (typeof method !== 'string' || !(AUTH_METHODS as readonly string[]).includes(method)) problems.push(`token_endpoint_auth_method must be one of ${AUTH_METHODS.join(', ')}`);
  const grants = given.grant_types ?? ['authorization_code', 'refresh_token'];
  if (!Array.isArray(grants) || grants.length === 0 || !grants.every((g) => typeof g === 'string' && GRANT_TYPES.has(g))) {
    problems.push(`grant_types must be a non-empty list of ${[...GRANT_TYPES].join(', ')}`);
  } else if (grants.includes('client_credentials') && method === 'none') {
    problems.push('client_credentials needs a confidential client (client_secret_basic, client_secret_post or private_key_jwt)');
  }
  const code = Array.isArray(grants) && grants.includes('authorization_code');
  const uris = given.redirect_uris ?? [];
  if (!Array.isArray(uris) || uris.length > 20) problems.push('redirect_uris must be a list of at most 20 URLs');
  else {
    if (code && uris.length === 0) problems.push('redirect_uris must list at least one URL for authorization_code');
    for (const uri of uris) {
      const problem = redirectUriProblem(uri);
      if (problem !== undefined) problems.push(problem);
    }
  }
  if (method === 'private_key_jwt' && given.jwks === undefined && given.jwks_uri === undefined) problems.push('private_key_jwt needs jwks or jwks_uri');
  if (given.jwks !== undefined && !(typeof given.jwks === 'object' && given.jwks !== null && Array.isArray((given.jwks as { keys?: unknown }).keys))) problems.push('jwks must be a JSON Web Key Set ({"keys": [...]})');
  if (given.jwks_uri !== undefined && (typeof given.jwks_uri !== 'string' || !given.jwks_uri.startsWith('https://'))) problems.push('jwks_uri must be an https URL');
  for (const key of ['client_name', 'scope', 'logo_uri', 'client_uri', 'tos_uri', 'policy_uri']) {
    if (given[key] !== undefined && (typeof given[key] !== 'string' || (given[key] as string).length > 2000)) problems.push(`${key} must be a string`);
  }
  // oidc-provider refuses a client whose links are not web URLs at every authorization: refuse them here instead.
  for (const key of ['logo_uri', 'client_uri', 'tos_uri', 'policy_uri']) {
    if (typeof given[key] === 'string' && !/^https?:\/\/[^\s]+$/i.test(given[key] as string)) problems.push(`${key} must be an http(s) URL`);
  }
  if (given.payerport_privacy_policy_attested !== undefined && typeof given.payerport_privacy_policy_attested !== 'boolean') problems.push('payerport_privacy_policy_attested must be true or false');
  if (given.contacts !== undefined && !(Array.isArray(given.contacts) && given.contacts.every((c) => typeof c === 'string'))) problems.push('contacts must be a list of strings');
  if (problems.length > 0) return { ok: false, problems };
  const metadata: Record<string, unknown> = {
    ...given,
    token_endpoint_auth_method: method,
    grant_types: grants,
    redirect_uris: uris,
    response_types: code ? ['code'] : [],
  };
  return { ok: true, metadata };
}
