/**
 * Opens what every command needs: the definitions registry (base R4 + IG packages), the
 * indexer built from it, and the store with both environments created.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createIndexer, indexedParams, loadRegistry, type Registry } from '@payerport/fhir';
import { createStore, type SqlStore } from '@payerport/store';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { ENVIRONMENTS, environmentBases } from '../app/environments.js';

export interface Runtime {
  readonly registry: Registry;
  readonly store: SqlStore;
}

export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const registry = await loadRegistry({
    packageDirs: config.fhirPackages,
    cacheDir: config.fhirPackageCache,
    registries: config.fhirPackageRegistries,
    logger: { info: (msg) => logger.info(msg), warn: (msg) => logger.warn(msg) },
  });
  const indexer = createIndexer(registry, registry.resourceTypes(), {
    baseUrls: environmentBases(config.publicUrl).map((e) => e.baseUrl),
  });
  if (config.databaseUrl === undefined && config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true });
  const store = await createStore({
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    sqlitePath: config.sqlitePath,
    readCacheBytes: config.readCacheBytes,
    indexer,
    paramTypes: indexedParams(registry),
    logger,
  });
  try {
    for (const env of ENVIRONMENTS) await store.ensureEnvironment(env.name);
  } catch (error) {
    await store.close();
    throw error;
  }
  return { registry, store };
}
