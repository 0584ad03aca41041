/**
 * Test helpers shared by every package's tests (`@payerport/fhir/testing`), never used by
 * production code: the real registry and indexer, loaded once per test process.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from './definitions/load-registry.js';
import type { Registry } from './definitions/types.js';
import { createIndexer, type CompiledIndexer } from './indexing/indexer.js';

let registry: Promise<Registry> | undefined;
let indexer: Promise<CompiledIndexer> | undefined;

/**
 * Where tests find IG packages: `FHIR_PACKAGES` (CI sets it), else the workspace's
 * `../shared/fhir-packages` when present; otherwise only the standard cache (and download).
 */
export function testPackageDirs(): string[] {
  const fromEnv = (process.env.FHIR_PACKAGES ?? '').split(':').filter((d) => d !== '');
  if (fromEnv.length > 0) return fromEnv;
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const shared = join(repoRoot, '..', 'shared', 'fhir-packages');
  return existsSync(shared) ? [shared] : [];
}

/**
 * The registry with the default IG packages, loaded once per process, as the server loads it:
 * package directories, the standard cache, then the registries. Plan-Net 1.2.0 is in no package
 * directory here: the first run downloads it from the npm registry into ~/.fhir/packages.
 */
export function testRegistry(): Promise<Registry> {
  registry ??= loadRegistry({ packageDirs: testPackageDirs() });
  return registry;
}

/** The real indexer over testRegistry(). */
export function testIndexer(): Promise<CompiledIndexer> {
  indexer ??= testRegistry().then((r) => createIndexer(r, r.resourceTypes()));
  return indexer;
}

export { twoMembers, MEMBER_A, MEMBER_B, SHARED } from './testing-two-members.js';
