/** `store.auth.keys`: private JWKs per environment in `auth_key`; rotation retires, never deletes at once. */
import type { Backend } from '../sql/backend.js';
import type { AuthKeys, StoredKey } from './auth-store.js';

type EnvId = (name: string) => Promise<number>;

interface Row { kid: string; key_use: string; jwk: string; created_at: number; retired_at: number | null }

export function authKeys(backend: Backend, envId: EnvId, clock: () => number): AuthKeys {
  return {
    async list(env) {
      const e = await envId(env);
      // Newest first: the signer takes the first active key; kid breaks ties within one millisecond.
      const rows = await backend.reader.all<Row>('SELECT kid, key_use, jwk, created_at, retired_at FROM auth_key WHERE env = ? ORDER BY created_at DESC, kid DESC', [e]);
      return rows.map((r): StoredKey => ({
        kid: r.kid,
        use: r.key_use === 'cookie' ? 'cookie' : 'sig',
        jwk: r.jwk,
        createdAt: r.created_at,
        retiredAt: r.retired_at ?? undefined,
      }));
    },

    async add(env, key) {
      const e = await envId(env);
      await backend.write((exec) => exec.run(
        'INSERT INTO auth_key (env, kid, key_use, jwk, created_at, retired_at) VALUES (?, ?, ?, ?, ?, NULL)',
        [e, key.kid, key.use, key.jwk, clock()],
      ));
    },

    async retireOthers(env, use, keepKid) {
      const e = await envId(env);
      const { changes } = await backend.write((exec) => exec.run(
        'UPDATE auth_key SET retired_at = ? WHERE env = ? AND key_use = ? AND kid <> ? AND retired_at IS NULL',
        [clock(), e, use, keepKid],
      ));
      return changes;
    },

    async deleteRetired(env, beforeMs) {
      const e = await envId(env);
      const { changes } = await backend.write((exec) => exec.run('DELETE FROM auth_key WHERE env = ? AND retired_at < ?', [e, beforeMs]));
      return changes;
    },
  };
}
