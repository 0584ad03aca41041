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
async function get(app: FastifyInstance, jar: CookieJar, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
  jar.take(res.headers['set-cookie']);
  return res;
}

async function post(app: FastifyInstance, jar: CookieJar, url: string, form: [string, string][]) {
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
  /** Scopes the member unticks on the consent page. */
  readonly untick?: readonly string[];
  readonly patient?: string;
  readonly jar?: CookieJar;
  readonly extra?: Record<string, string>;
}

/** Runs the member journey; returns the redirect back to the app (code or error in its query). */
export async function authorize(a: Pick<App, 'fastify'>, o: AuthorizeOptions): Promise<URL> {
  const app = a.fastify;
  const jar = o.jar ?? new CookieJar();
  const prefix = o.env === 'production' ? '' : '/sandbox';
  const params = new URLSearchParams({
    response_type: 'code', client_id: o.clientId, redirect_uri: o.redirectUri ?? REDIRECT, scope: o.scope, state: 'st-1',
    aud: o.aud ?? `http://payer.test${prefix}/fhir/R4`, code_challenge: o.challenge, code_challenge_method: 'S256', ...o.extra,
  });
  let res = await get(app, jar, `${prefix}/oauth/authorize?${params}`);
  for (let step = 0; step < 8; step++) {
    if (res.statusCode !== 303 && res.statusCode !== 302) break;
    const location = res.headers.location as string;
    if (location.startsWith(o.redirectUri ?? REDIRECT)) return new URL(location);
    const path = pathOf(new URL(location, 'http://payer.test').href);
    res = await get(app, jar, path);
    if (res.statusCode === 200 && res.body.includes('name="password"')) {
      res = await post(app, jar, `${path}/login`, [['username', MEMBER.username], ['password', MEMBER.password]]);
    } else if (res.statusCode === 200 && res.body.includes('/consent"')) {
      const scopes = [...res.body.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
      const form: [string, string][] = [['patient', o.patient ?? MEMBER.patients[0]!.patientId], ['offline_access', 'yes']];
      for (const s of scopes) if (!o.untick?.includes(s)) form.push(['scope', s]);
      res = await post(app, jar, `${path}/consent`, form);
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
