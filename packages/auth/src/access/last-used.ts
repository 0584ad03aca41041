/**
 * When an app last used a grant, for the member's Connected apps page. Recorded when a token is
 * verified for a FHIR request, cheaply: at most one write per grant per interval on this node
 * (a Map lookup otherwise), not awaited by the request, and a failed write is only a stale date.
 * Anonymous requests never get here, so the directory's hot path is untouched.
 */
import type { Store } from '@payerport/store';

export const LAST_USED_MODEL = 'GrantLastUsed';

export interface LastUsed {
  /** Notes a use of the grant now (writes if the last write from this node is older than the interval). */
  touch(grantId: string): void;
  /** When the grant was last used, as far as any node recorded. */
  get(grantId: string): Promise<Date | undefined>;
}

export interface LastUsedOptions {
  /** Shortest time between two writes for one grant (default one minute). */
  readonly intervalMs?: number;
  /** How long a row may outlive its grant's last use: the grant lifetime (a grant never lasts longer). */
  readonly keepMs: number;
  readonly clock?: () => number;
}

export function createLastUsed(store: Store, env: string, options: LastUsedOptions): LastUsed {
  const interval = options.intervalMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  const written = new Map<string, number>();
  return {
    touch(grantId) {
      const now = clock();
      const last = written.get(grantId);
      if (last !== undefined && now - last < interval) return;
      // Bounded memory: forgetting only costs one extra write per grant.
      if (written.size >= 10_000) written.clear();
      written.set(grantId, now);
      // grant_id set: revoking the grant deletes this row with the grant's other rows.
      store.auth.payloads.upsert(env, LAST_USED_MODEL, grantId, { payload: JSON.stringify({ at: now }), grantId, expiresAt: now + options.keepMs })
        .catch(() => written.delete(grantId));
    },
    async get(grantId) {
      const row = await store.auth.payloads.find(env, LAST_USED_MODEL, grantId);
      if (row === undefined) return undefined;
      const at = (JSON.parse(row.payload) as { at?: unknown }).at;
      return typeof at === 'number' ? new Date(at) : undefined;
    },
  };
}
