/** Opens a store on the real registry and indexer, with the two environments the server creates. */
import { indexedParams, type Registry } from '@payerport/fhir';
import { testIndexer, testRegistry } from '@payerport/fhir/testing';
import type { SqlStore } from '../sql-store.js';
import type { OpenStore } from '../test-dialects.js';

export function searchRegistry(): Promise<Registry> {
  return testRegistry();
}

export async function openSearchStore(open: OpenStore): Promise<SqlStore> {
  const registry = await testRegistry();
  const store = await open({ indexer: await testIndexer(), paramTypes: indexedParams(registry) });
  await store.ensureEnvironment('sandbox');
  await store.ensureEnvironment('production');
  return store;
}
