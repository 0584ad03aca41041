/**
 * oidc-provider's storage adapter over `store.auth`, with the environment bound in a closure
 * (the provider only names the model). Clients come from the client registry table; every other
 * model is a payload row. Never the bundled memory adapter: it is an LRU that evicts live tokens.
 * https://github.com/panva/node-oidc-provider/blob/main/example/my_adapter.js
 */
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Store } from '@payerport/store';
import { clientAdapter } from './client-adapter.js';
import { LAST_USED_MODEL } from '../access/last-used.js';
import { LAUNCH_MODEL } from './launch-context.js';

/** Tokens whose revocation (alone or with their grant) leaves a marker, so verification can say "revoked". */
export const REVOKED_MODEL = 'RevokedToken';
const TOKEN_MODELS = new Set(['AccessToken', 'ClientCredentials', 'RefreshToken']);

/** The adapter factory for environment `env`. */
export function storeAdapter(store: Store, env: string): (model: string) => Adapter {
  return (model) => (model === 'Client' ? clientAdapter(store, env) : payloadAdapter(store, env, model));
}

function payloadAdapter(store: Store, env: string, model: string): Adapter {
  const payloads = store.auth.payloads;
  const parse = (row: { payload: string; consumedAt: number | undefined } | undefined): AdapterPayload | undefined => {
    if (row === undefined) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    return row.consumedAt === undefined ? payload : { ...payload, consumed: Math.floor(row.consumedAt / 1000) };
  };
  return {
    async upsert(id, payload, expiresIn) {
      await payloads.upsert(env, model, id, {
        payload: JSON.stringify(payload),
        grantId: payload.grantId,
        uid: payload.uid,
        userCode: payload.userCode,
        expiresAt: expiresIn === undefined ? undefined : Date.now() + expiresIn * 1000,
      });
    },
    find: async (id) => parse(await payloads.find(env, model, id)),
    findByUid: async (uid) => parse(await payloads.findByUid(env, model, uid)),
    findByUserCode: async (userCode) => parse(await payloads.findByUserCode(env, model, userCode)),
    async consume(id) {
      // The provider checks `consumed` before calling this; two concurrent exchanges of one code
      // both pass that check, and only the atomic UPDATE tells which came second.
      if (!(await payloads.consume(env, model, id))) throw new errors.InvalidGrant('grant already used');
    },
    async destroy(id) {
      if (TOKEN_MODELS.has(model)) {
        const row = await payloads.find(env, model, id);
        if (row !== undefined) await payloads.upsert(env, REVOKED_MODEL, id, { payload: '{}', expiresAt: row.expiresAt });
      }
      await payloads.destroy(env, model, id);
      if (model === 'Grant') {
        await payloads.revokeByGrantId(env, LAUNCH_MODEL, id);
        await payloads.revokeByGrantId(env, LAST_USED_MODEL, id);
      }
    },
    async revokeByGrantId(grantId) {
      // A whole grant ends (reuse of a code or refresh token, a revoked refresh token): its tokens
      // leave markers too, so the FHIR API reports them `revoked`, not `invalid`.
      await payloads.revokeByGrantId(env, model, grantId, TOKEN_MODELS.has(model) ? REVOKED_MODEL : undefined);
    },
  };
}
