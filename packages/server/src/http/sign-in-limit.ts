/**
 * Member sign-in attempts per client address, in a fixed window: the per-account lockout
 * (decision 0012) stops guessing one member's password, this stops one address from trying
 * password after password across many members. Over the limit: 429, `Retry-After`, and a page in
 * the member's language saying how long to wait. The address is Fastify's `request.ip`, which
 * follows TRUST_PROXY (decision 0019). Counts live in this node's memory.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_HEADERS, pageLanguage, renderMessage, type Fields } from '@payerport/auth';

export interface SignInLimitOptions {
  readonly attempts: number;
  readonly windowSeconds: number;
  readonly planName?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly clock?: () => number;
}

/** Answers 429 for an address over its limit (the reply is sent), or undefined to go on. */
export type SignInGate = (request: FastifyRequest, reply: FastifyReply, form: Fields, query: Fields) => FastifyReply | undefined;

// Beyond this many addresses, windows that have ended are dropped; if all are live, all go
// (a flood of addresses then resets counts rather than exhausting memory).
const MAX_ADDRESSES = 100_000;

/** Counts attempts per address; `hit` returns the seconds to wait, or 0 when the attempt is allowed. */
export function addressWindows(attempts: number, windowMs: number, clock: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(address: string): number {
      const now = clock();
      let window = windows.get(address);
      if (window === undefined || now - window.start >= windowMs) {
        if (windows.size >= MAX_ADDRESSES) {
          for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
          if (windows.size >= MAX_ADDRESSES) windows.clear();
        }
        window = { start: now, count: 0 };
        windows.set(address, window);
      }
      window.count += 1;
      return window.count > attempts ? Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) : 0;
    },
  };
}

export function signInGate(options: SignInLimitOptions): SignInGate {
  const windows = addressWindows(options.attempts, options.windowSeconds * 1000, options.clock);
  const page = { ...(options.planName === undefined ? {} : { planName: options.planName }), ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) };
  return (request, reply, form, query) => {
    const wait = windows.hit(request.ip);
    if (wait === 0) return undefined;
    const { lang } = pageLanguage({ headers: request.headers, query, form }, false);
    return reply.code(429).headers(PAGE_HEADERS).header('retry-after', String(wait))
      .send(renderMessage({ ...page, lang, kind: 'too-many', retryAfterSeconds: wait }));
  };
}
