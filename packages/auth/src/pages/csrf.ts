/**
 * CSRF tokens bound to an interaction or session id: HMAC-SHA256 over (id, issue time, nonce),
 * so a token from another session, a tampered token or an old one fails. Stateless: nothing to
 * store, and any node behind the load balancer can verify with the shared secret.
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html#signed-double-submit-cookie-recommended
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Csrf {
  /** A fresh token for forms of the interaction or session `bindingId`. */
  issue(bindingId: string): string;
  /** True only for an unexpired, untampered token issued for this `bindingId`. */
  verify(bindingId: string, token: unknown): boolean;
}

export interface CsrfOptions {
  /** How long a token stays valid (default 2 hours: a member may leave the consent page open). */
  maxAgeMs?: number;
  clock?: () => number;
}

const TOKEN = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
// Clocks of the nodes behind a load balancer differ a little.
const SKEW_MS = 60_000;

/** Issues and verifies CSRF tokens with `secret` (at least 32 bytes; the same on every node). */
export function createCsrf(secret: string | Uint8Array, options: CsrfOptions = {}): Csrf {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < 32) throw new RangeError('CSRF secret must be at least 32 bytes');
  const maxAge = options.maxAgeMs ?? 2 * 60 * 60_000;
  const clock = options.clock ?? Date.now;
  // The NUL separators keep ("ab", "c") and ("a", "bc") from signing the same bytes.
  const mac = (bindingId: string, issued: string, nonce: string): Buffer =>
    createHmac('sha256', key).update(`payerport-csrf\0${bindingId}\0${issued}\0${nonce}`).digest();

  return {
    issue: (bindingId) => {
      const issued = clock().toString(36);
      const nonce = randomBytes(16).toString('base64url');
      return `${issued}.${nonce}.${mac(bindingId, issued, nonce).toString('base64url')}`;
    },
    verify: (bindingId, token) => {
      if (typeof token !== 'string' || typeof bindingId !== 'string' || bindingId === '') return false;
      const m = TOKEN.exec(token);
      if (m === null) return false;
      const [, issued, nonce, given] = m as unknown as [string, string, string, string];
      const age = clock() - parseInt(issued, 36);
      if (!(age >= -SKEW_MS && age <= maxAge)) return false;
      const expected = mac(bindingId, issued, nonce);
      const actual = Buffer.from(given, 'base64url');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
