/**
 * Registered apps of each environment: create, list, update, rotate the secret, disable. Used
 * by the `payerport clients` CLI and the admin API. A secret is returned once, when created or
 * rotated; only its scrypt hash is stored. The environment is part of every key, so a sandbox
 * client does not exist in production.
 */
import { randomBytes } from 'node:crypto';
import type { Store, StoredClient } from '@payerport/store';
import { hashSecret, newClientSecret } from '../secrets/secret-hash.js';
import { checkClientInput, usesSecret } from './client-metadata.js';

/** What callers see of a client (never a secret or its hash). */
export interface ClientView {
  readonly clientId: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly hasSecret: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A client with its newly issued secret (shown once). */
export interface IssuedClient {
  readonly client: ClientView;
  /** Present when the client authenticates with a secret and one was issued now. */
  readonly clientSecret?: string;
}

/** A refused request: `status` 400 (bad metadata) or 404 (no such client). */
export class ClientRegistryError extends Error {
  override readonly name = 'ClientRegistryError';
  constructor(readonly status: 400 | 404, message: string, readonly problems: readonly string[] = [message]) {
    super(message);
  }
}

export interface ClientRegistry {
  create(env: string, input: unknown): Promise<IssuedClient>;
  list(env: string): Promise<ClientView[]>;
  get(env: string, clientId: string): Promise<ClientView>;
  /** Replaces the metadata; issues a secret if the new auth method needs one and there is none. */
  update(env: string, clientId: string, input: unknown): Promise<IssuedClient>;
  rotateSecret(env: string, clientId: string): Promise<IssuedClient>;
  setDisabled(env: string, clientId: string, disabled: boolean): Promise<ClientView>;
}

const view = (row: StoredClient): ClientView => Object.freeze({
  clientId: row.clientId,
  metadata: Object.freeze(JSON.parse(row.metadata) as Record<string, unknown>),
  hasSecret: row.secretHash !== undefined,
  disabled: row.disabled,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

function checked(input: unknown): Record<string, unknown> {
  const result = checkClientInput(input);
  if (!result.ok) throw new ClientRegistryError(400, result.problems.join('; '), result.problems);
  return result.metadata;
}

export function createClientRegistry(store: Store): ClientRegistry {
  const clients = store.auth.clients;
  const get = async (env: string, clientId: string): Promise<StoredClient> => {
    const row = await clients.find(env, clientId);
    if (row === undefined) throw new ClientRegistryError(404, `No client ${clientId} in ${env}`);
    return row;
  };

  return {
    async create(env, input) {
      const metadata = checked(input);
      const secret = usesSecret(metadata.token_endpoint_auth_method as string) ? newClientSecret() : undefined;
      const clientId = randomBytes(16).toString('base64url');
      await clients.create(env, clientId, { metadata: JSON.stringify(metadata), secretHash: secret === undefined ? undefined : await hashSecret(secret) });
      return { client: view(await get(env, clientId)), ...(secret === undefined ? {} : { clientSecret: secret }) };
    },

    list: async (env) => (await clients.list(env)).map(view),
    get: async (env, clientId) => view(await get(env, clientId)),

    async update(env, clientId, input) {
      const before = await get(env, clientId);
      const metadata = checked(input);
      const needsSecret = usesSecret(metadata.token_endpoint_auth_method as string);
      let secret: string | undefined;
      if (needsSecret && before.secretHash === undefined) secret = newClientSecret();
      const secretHash = !needsSecret ? undefined : secret === undefined ? before.secretHash : await hashSecret(secret);
      await clients.updateMetadata(env, clientId, JSON.stringify(metadata));
      if (secretHash !== before.secretHash) await clients.setSecretHash(env, clientId, secretHash);
      return { client: view(await get(env, clientId)), ...(secret === undefined ? {} : { clientSecret: secret }) };
    },

    async rotateSecret(env, clientId) {
      const before = await get(env, clientId);
      const method = (JSON.parse(before.metadata) as { token_endpoint_auth_method?: string }).token_endpoint_auth_method ?? '';
      if (!usesSecret(method)) throw new ClientRegistryError(400, `Client ${clientId} uses ${method}: it has no secret to rotate`);
      const secret = newClientSecret();
      await clients.setSecretHash(env, clientId, await hashSecret(secret));
      return { client: view(await get(env, clientId)), clientSecret: secret };
    },

    async setDisabled(env, clientId, disabled) {
      await get(env, clientId);
      await clients.setDisabled(env, clientId, disabled);
      return view(await get(env, clientId));
    },
  };
}
