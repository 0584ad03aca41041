/**
 * The `Client` model of the adapter: reads the client registry table. A confidential client's
 * `client_secret` is its scrypt hash — `compareClientSecret` (create-auth-server.ts) verifies
 * against it, so the plain secret exists only in the response that first shows it. Disabled
 * clients are not found (`invalid_client`). Dynamic registration writes through `upsert`,
 * which hashes the generated secret before it is stored.
 */
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Store } from '@payerport/store';
import { redirectUriProblem } from '../clients/client-metadata.js';
import { hashSecret } from '../secrets/secret-hash.js';

export function clientAdapter(store: Store, env: string): Adapter {
  const clients = store.auth.clients;
  return {
    async find(id) {
      const row = await clients.find(env, id);
      if (row === undefined || row.disabled) return undefined;
      const metadata = JSON.parse(row.metadata) as AdapterPayload;
      return row.secretHash === undefined ? { ...metadata, client_id: id } : { ...metadata, client_id: id, client_secret: row.secretHash };
    },
    async upsert(id, payload) {
      const { client_secret: secret, ...metadata } = payload as AdapterPayload & { client_secret?: string; redirect_uris?: string[] };
      for (const uri of metadata.redirect_uris ?? []) {
        const problem = redirectUriProblem(uri);
        if (problem !== undefined) throw new errors.InvalidRedirectUri(problem);
      }
      await clients.put(env, id, { metadata: JSON.stringify(metadata), secretHash: typeof secret === 'string' ? await hashSecret(secret) : undefined });
    },
    async destroy(id) {
      await clients.setDisabled(env, id, true);
    },
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    consume: async () => undefined,
    revokeByGrantId: async () => undefined,
  };
}
