/**
 * The sandbox data set: the synthetic Hawaii provider directory (a few thousand Plan-Net
 * resources, the same every time), its plans' formularies, the test members' CARIN records,
 * and the example resources shipped in the loaded IG packages (Plan-Net, Formulary, CARIN and
 * US Core examples), so a fresh sandbox answers every API.
 */
import { isFhirId, type Registry } from '@payerport/fhir';
import { SANDBOX_DIRECTORY, SANDBOX_FORMULARIES, SANDBOX_MEMBERS, syntheticDirectory, syntheticFormularies, syntheticMembers } from '@payerport/data';
import type { Store } from '@payerport/store';


/** The examples to load: known resource types with ids, one per type/id (first package wins). */
export function exampleResources(registry: Registry): Record<string, unknown>[] {
  const types = new Set(registry.resourceTypes());
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const { resource } of registry.examples()) {
    const type = resource.resourceType;
    const id = resource.id;
    if (typeof type !== 'string' || !types.has(type) || !isFhirId(id)) continue;
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

/**
 * The sandbox data set: the synthetic directory, its plans' formularies and the test members'
 * records (their sign-ins are listed by GET /api/sandbox/test-members), then the IG examples
 * (their ids never collide).
 */
export function sandboxResources(registry: Registry): Record<string, unknown>[] {
  return [
    ...syntheticDirectory(SANDBOX_DIRECTORY), ...syntheticFormularies(SANDBOX_FORMULARIES), ...syntheticMembers(SANDBOX_MEMBERS).resources,
    ...exampleResources(registry),
  ];
}

/** Loads the sandbox data set into `env` in one batch (all or nothing); returns how many. */
export async function seedSandbox(store: Store, registry: Registry, env: string): Promise<number> {
  const resources = sandboxResources(registry);
  return store.bulkLoad(env, resources, { batchSize: Math.max(1, resources.length) });
}
