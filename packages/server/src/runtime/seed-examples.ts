/**
 * Seeds an environment with the example resources shipped in the loaded IG packages (real
 * Plan-Net, Formulary, CARIN and US Core examples), so a fresh sandbox is not empty. A richer
 * synthetic data generator replaces this later.
 */
import type { Registry } from '@payerport/fhir';
import type { Store } from '@payerport/store';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The examples to load: known resource types with ids, one per type/id (first package wins). */
export function exampleResources(registry: Registry): Record<string, unknown>[] {
  const types = new Set(registry.resourceTypes());
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const { resource } of registry.examples()) {
    const type = resource.resourceType;
    const id = resource.id;
    if (typeof type !== 'string' || !types.has(type) || typeof id !== 'string' || !FHIR_ID.test(id)) continue;
    const key = `${type}/${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(structuredClone(resource));
  }
  return out;
}

/** True when the environment holds no resource versions at all. */
export async function isEmpty(store: Store, env: string): Promise<boolean> {
  const page = await store.history(env, { count: 1 });
  return page.entries.length === 0;
}

/** Loads the IG examples into `env` in one batch (all or nothing); returns how many. */
export async function seedExamples(store: Store, registry: Registry, env: string): Promise<number> {
  const resources = exampleResources(registry);
  return store.bulkLoad(env, resources, { batchSize: Math.max(1, resources.length) });
}
