/** Builds `store.auth` over a backend: reads on the reader, each write its own short transaction. */
import type { Backend } from '../sql/backend.js';
import type { AuthStore } from './auth-store.js';
import { authClients } from './clients.js';
import { authKeys } from './keys.js';
import { authPayloads } from './payloads.js';

/**
 * `envId` resolves an environment name (FhirError 404 when unknown). Writes go to the backend
 * directly, not through the store's resource write path, so token traffic never empties the
 * resource read cache.
 */
export function createAuthStore(backend: Backend, envId: (name: string) => Promise<number>, clock: () => number): AuthStore {
  return Object.freeze({
    payloads: authPayloads(backend, envId, clock),
    keys: authKeys(backend, envId, clock),
    clients: authClients(backend, envId, clock),
  });
}
