/** `store.auth.clients`: registered OAuth clients per environment in `auth_client` (secrets only as hashes). */
import type { Backend } from '../sql/backend.js';
import type { AuthClients, StoredClient } from './auth-store.js';

type EnvId = (name: string) => Promise<number>;

interface Row { client_id: string; metadata: string; secret_hash: string | null; disabled: number; created_at: number; updated_at: number }

const COLUMNS = 'client_id, metadata, secret_hash, disabled, created_at, updated_at';

const client = (r: Row): StoredClient => ({
  clientId: r.client_id,
  metadata: r.metadata,
  secretHash: r.secret_hash ?? undefined,
  disabled: Number(r.disabled) === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function authClients(backend: Backend, envId: EnvId, clock: () => number): AuthClients {
  const change = async (env: string, clientId: string, set: string, values: unknown[]): Promise<boolean> => {
    const e = await envId(env);
    const { changes } = await backend.write((exec) => exec.run(
      `UPDATE auth_client SET ${set}, updated_at = ? WHERE env = ? AND client_id = ?`,
      [...values, clock(), e, clientId],
    ));
    return changes === 1;
  };

  return {
    async find(env, clientId) {
      const e = await envId(env);
      const row = await backend.reader.one<Row>(`SELECT ${COLUMNS} FROM auth_client WHERE env = ? AND client_id = ?`, [e, clientId]);
      return row === undefined ? undefined : client(row);
    },

    async list(env) {
      const e = await envId(env);
      const rows = await backend.reader.all<Row>(`SELECT ${COLUMNS} FROM auth_client WHERE env = ? ORDER BY created_at, client_id`, [e]);
      return rows.map(client);
    },

    async create(env, clientId, value) {
      const e = await envId(env);
      const now = clock();
      const { changes } = await backend.write((exec) => exec.run(
        `INSERT INTO auth_client (env, client_id, metadata, secret_hash, disabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (env, client_id) DO NOTHING`,
        [e, clientId, value.metadata, value.secretHash, now, now],
      ));
      return changes === 1;
    },

    async put(env, clientId, value) {
      const e = await envId(env);
      const now = clock();
      await backend.write((exec) => exec.run(
        `INSERT INTO auth_client (env, client_id, metadata, secret_hash, disabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (env, client_id) DO UPDATE SET metadata = excluded.metadata, secret_hash = excluded.secret_hash, updated_at = excluded.updated_at`,
        [e, clientId, value.metadata, value.secretHash, now, now],
      ));
    },

    updateMetadata: (env, clientId, metadata) => change(env, clientId, 'metadata = ?', [metadata]),
    setSecretHash: (env, clientId, secretHash) => change(env, clientId, 'secret_hash = ?', [secretHash]),
    setDisabled: (env, clientId, disabled) => change(env, clientId, 'disabled = ?', [disabled ? 1 : 0]),
  };
}
