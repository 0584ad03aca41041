/**
 * The member's own session for the account pages (Connected apps), separate from any app's
 * authorization: a random id in an HttpOnly cookie scoped to the account path, and a row in
 * the store, so any node finds it, signing out ends it everywhere, and it expires on its own.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '@payerport/store';

export const ACCOUNT_SESSION_MODEL = 'AccountSession';
const ID = /^[A-Za-z0-9_-]{43}$/;

export interface AccountSessions {
  /** Starts a session; returns its id (the cookie value). */
  create(memberId: string): Promise<string>;
  /** The member id of a live session, or undefined. */
  memberOf(sessionId: string | undefined): Promise<string | undefined>;
  destroy(sessionId: string): Promise<void>;
}

export function createAccountSessions(store: Store, env: string, ttlMs: number): AccountSessions {
  const payloads = store.auth.payloads;
  return {
    async create(memberId) {
      const id = randomBytes(32).toString('base64url');
      // uid = member id: every session of a member can be found (and ended) by index.
      await payloads.upsert(env, ACCOUNT_SESSION_MODEL, id, { payload: JSON.stringify({ memberId }), uid: memberId, expiresAt: Date.now() + ttlMs });
      return id;
    },
    async memberOf(sessionId) {
      if (sessionId === undefined || !ID.test(sessionId)) return undefined;
      const row = await payloads.find(env, ACCOUNT_SESSION_MODEL, sessionId);
      const memberId = row === undefined ? undefined : (JSON.parse(row.payload) as { memberId?: unknown }).memberId;
      return typeof memberId === 'string' ? memberId : undefined;
    },
    async destroy(sessionId) {
      await payloads.destroy(env, ACCOUNT_SESSION_MODEL, sessionId);
    },
  };
}
