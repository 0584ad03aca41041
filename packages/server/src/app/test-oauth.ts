/**
 * Test helpers for the authorization server: a cookie jar over `inject()`, PKCE, a member and
 * clients, and the whole member journey (authorize → sign in → consent → code) in one call.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes, sign as cryptoSign } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { App } from './build-app.js';

export const MEMBER = {
  username: 'maria', password: 'correct horse battery', displayName: 'Maria Lopez', language: 'en',
  patients: [{ patientId: 'pat-maria', display: 'Maria Lopez', relationship: 'self' as const }, { patientId: 'pat-leo', display: 'Leo Lopez', relationship: 'parent' as const }],
};
export const REDIRECT = 'https://app.example/callback';

/** Cookies by name, as a browser would send them back (paths ignored: names differ per environment). */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(setCookie: string | string[] | undefined): void {
    for (const line of typeof setCookie === 'string' ? [setCookie] : setCookie ?? []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The path and query of an absolute URL (inject takes paths). */
export const pathOf = (location: string): string => {
  const url = new URL(location);
  return url.pathname + url.search;
};

/** GET with the jar, keeping the cookies it sets. */
export async function get(app: FastifyInstance, jar: CookieJar, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
  jar.take(res.headers['set-cookie']);
  return res;
}

export async function post(app: FastifyInstance, jar: CookieJar, url: string, form: [string, string][]) {
  const res = await app.inject({ method: 'POST', url, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
  jar.take(res.headers['set-cookie']);
  return res;
}

export interface AuthorizeOptions {
  readonly env?: 'sandbox' | 'production';
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri?: string;
  readonly challenge: string;
  readonly aud?: string;
  /** Category ids the member unticks on the consent page (`coverage`, `offline`, …). */
  readonly untick?: readonly string[];
  /** The patient chosen in the picker (when the member has more than one). */
  readonly patient?: string;
  /** Press Deny instead of Allow. */
  readonly deny?: boolean;
  readonly username?: string;
  readonly password?: string;
  readonly jar?: CookieJar;
  readonly extra?: Record<string, string>;
  /** Sees each page the member is shown (sign-in, picker, consent). */
  readonly onPage?: (html: string) => void;
}

const decode = (text: string): string => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The first post form's action and its hidden fields (CSRF token, language). */
export function formOf(body: string): { action: string; hidden: [string, string][] } {
  const action = /<form method="post" action="([^"]*)"/.exec(body)?.[1];
  assert.ok(action !== undefined, `no form in ${body.slice(0, 300)}`);
  const hidden = [...body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].slice(0, 2).map((m) => [m[1]!, decode(m[2]!)] as [string, string]);
  return { action: decode(action), hidden };
}

/** Runs the member journey (sign-in, picker, consent); returns the redirect back to the app (code or error in its query). */
export async function authorize(a: Pick<App, 'fastify'>, o: AuthorizeOptions): Promise<URL> {
  const app = a.fastify;
  const jar = o.jar ?? new CookieJar();
  const prefix = o.env === 'production' ? '' : '/sandbox';
  const params = new URLSearchParams({
    response_type: 'code', client_id: o.clientId, redirect_uri: o.redirectUri ?? REDIRECT, scope: o.scope, state: 'st-1',
    aud: o.aud ?? `http://payer.test${prefix}/fhir/R4`, code_challenge: o.challenge, code_challenge_method: 'S256', ...o.extra,
  });
  let res = await get(app, jar, `${prefix}/oauth/authorize?${params}`);
  for (let step = 0; step < 12; step++) {
    if (res.statusCode === 303 || res.statusCode === 302) {
      const location = res.headers.location as string;
      if (location.startsWith(o.redirectUri ?? REDIRECT)) return new URL(location);
      res = await get(app, jar, pathOf(new URL(location, 'http://payer.test').href));
      continue;
    }
    if (res.statusCode !== 200) break;
    o.onPage?.(res.body);
    const { action, hidden } = formOf(res.body);
    if (action.endsWith('/login')) {
      res = await post(app, jar, action, [...hidden, ['username', o.username ?? MEMBER.username], ['password', o.password ?? MEMBER.password]]);
    } else if (action.endsWith('/patient')) {
      res = await post(app, jar, action, [...hidden, ['patient', o.patient ?? MEMBER.patients[0]!.patientId]]);
    } else {
      const categories = [...res.body.matchAll(/name="category" value="([^"]+)"/g)].map((m) => m[1]!);
      const kept = categories.filter((c) => !o.untick?.includes(c)).map((c) => ['category', c] as [string, string]);
      res = await post(app, jar, action, [...hidden, ...kept, ['decision', o.deny ? 'deny' : 'allow']]);
    }
  }
  assert.fail(`authorization did not come back to the app: ${res.statusCode} ${res.headers.location ?? ''} ${res.body.slice(0, 300)}`);
}

/** POSTs a form to an endpoint below PUBLIC_URL, with optional Basic credentials. */
export function form(app: FastifyInstance, url: string, fields: Record<string, string>, basic?: [string, string]) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString('base64')}`;
  return app.inject({ method: 'POST', url, headers, payload: new URLSearchParams(fields).toString() });
}

/** A signed JWT (compact JWS) made with node:crypto — RS*, ES* (IEEE P1363 signatures) — for private_key_jwt. */
export function signJwt(key: import('node:crypto').KeyObject, alg: 'RS384' | 'ES384' | 'RS256', kid: string, claims: Record<string, unknown>): string {
  const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${enc({ alg, kid, typ: 'JWT' })}.${enc(claims)}`;
  const hash = alg === 'RS256' ? 'sha256' : 'sha384';
  const signature = alg.startsWith('ES')
    ? cryptoSign(hash, Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : cryptoSign(hash, Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

/** A client assertion for `client_id` at `tokenUrl` (RFC 7523 §3). */
export function clientAssertion(key: import('node:crypto').KeyObject, alg: 'RS384' | 'ES384', kid: string, clientId: string, tokenUrl: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  return {
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: signJwt(key, alg, kid, { iss: clientId, sub: clientId, aud: tokenUrl, jti: randomBytes(16).toString('hex'), iat: now, exp: now + 300 }),
  };
}

/** Exchanges a code; `auth` adds the client's credentials to the form or as Basic. */
export function exchange(app: FastifyInstance, prefix: string, code: string, verifier: string | undefined, auth: { form?: Record<string, string>; basic?: [string, string] }) {
  return form(app, `${prefix}/oauth/token`, {
    grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...(verifier === undefined ? {} : { code_verifier: verifier }), ...auth.form,
  }, auth.basic);
}
