/** `store.auth.payloads`: oidc-provider artefacts in `auth_payload`, the same SQL on both dialects. */
import type { Backend } from '../sql/backend.js';
import type { AuthPayloads, StoredPayload } from './auth-store.js';

type EnvId = (name: string) => Promise<number>;

interface Row { payload: string; consumed_at: number | null; expires_at: number | null }

const COLUMNS = 'payload, consumed_at, expires_at';
// Expired rows stay until the purge job; reads skip them so the provider never sees one.
const LIVE = '(expires_at IS NULL OR expires_at > ?)';

const stored = (row: Row | undefined): StoredPayload | undefined => row === undefined
  ? undefined
  : { payload: row.payload, consumedAt: row.consumed_at ?? undefined, expiresAt: row.expires_at ?? undefined };

export function authPayloads(backend: Backend, envId: EnvId, clock: () => number): AuthPayloads {
  const reader = backend.reader;
  return {
    async upsert(env, model, id, value) {
      const e = await envId(env);
      await backend.write((exec) => exec.run(
        `INSERT INTO auth_payload (env, model, id, payload, grant_id, uid, user_code, expires_at, consumed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (env, model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
           uid = excluded.uid, user_code = excluded.user_code, expires_at = excluded.expires_at`,
        [e, model, id, value.payload, value.grantId, value.uid, value.userCode, value.expiresAt],
      ));
    },

    async find(env, model, id) {
      const e = await envId(env);
      return stored(await reader.one<Row>(`SELECT ${COLUMNS} FROM auth_payload WHERE env = ? AND model = ? AND id = ? AND ${LIVE}`, [e, model, id, clock()]));
    },

    async findByUid(env, model, uid) {
      const e = await envId(env);
      return stored(await reader.one<Row>(`SELECT ${COLUMNS} FROM auth_payload WHERE env = ? AND model = ? AND uid = ? AND ${LIVE}`, [e, model, uid, clock()]));
    },

    async findByUserCode(env, model, userCode) {
      const e = await envId(env);
      return stored(await reader.one<Row>(`SELECT ${COLUMNS} FROM auth_payload WHERE env = ? AND model = ? AND user_code = ? AND ${LIVE}`, [e, model, userCode, clock()]));
    },

    async listByUid(env, model, uid) {
      const e = await envId(env);
      const rows = await reader.all<Row & { id: string }>(
        `SELECT id, ${COLUMNS} FROM auth_payload WHERE env = ? AND model = ? AND uid = ? AND ${LIVE} ORDER BY expires_at, id`, [e, model, uid, clock()]);
      return rows.map((row) => ({ id: row.id, ...stored(row)! }));
    },

    async consume(env, model, id) {
      const e = await envId(env);
      // One statement: of two concurrent exchanges of the same code, only one changes the row.
      const { changes } = await backend.write((exec) => exec.run(
        'UPDATE auth_payload SET consumed_at = ? WHERE env = ? AND model = ? AND id = ? AND consumed_at IS NULL',
        [clock(), e, model, id],
      ));
      return changes === 1;
    },

    async destroy(env, model, id) {
      const e = await envId(env);
      await backend.write((exec) => exec.run('DELETE FROM auth_payload WHERE env = ? AND model = ? AND id = ?', [e, model, id]));
    },

    async revokeByGrantId(env, model, grantId, marker) {
      const e = await envId(env);
      const { changes } = await backend.write(async (exec) => {
        if (marker !== undefined) {
          await exec.run(
            `INSERT INTO auth_payload (env, model, id, payload, grant_id, uid, user_code, expires_at, consumed_at)
             SELECT env, ?, id, '{}', NULL, NULL, NULL, expires_at, NULL FROM auth_payload WHERE env = ? AND grant_id = ? AND model = ?
             ON CONFLICT (env, model, id) DO NOTHING`,
            [marker, e, grantId, model],
          );
        }
        return exec.run('DELETE FROM auth_payload WHERE env = ? AND grant_id = ? AND model = ?', [e, grantId, model]);
      });
      return changes;
    },

    async purgeExpired(beforeMs) {
      const { changes } = await backend.write((exec) => exec.run('DELETE FROM auth_payload WHERE expires_at < ?', [beforeMs]));
      return changes;
    },
  };
}
