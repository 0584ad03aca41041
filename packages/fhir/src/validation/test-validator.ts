/**
 * Test helpers for the validator: one validator over the test registry per process, IG example
 * resources by type and id (fresh copies, free to break), and a registry that also serves
 * hand-made StructureDefinitions.
 */
import { testRegistry } from '../testing.js';
import type { Registry } from '../definitions/types.js';
import type { Json } from './json-value.js';
import type { ResourceValidator } from './types.js';
import { createValidator } from './validator.js';

let validator: Promise<ResourceValidator> | undefined;

export function testValidator(): Promise<ResourceValidator> {
  validator ??= testRegistry().then(createValidator);
  return validator;
}

/** A fresh copy of the IG example `type/id` (any loaded package). */
export async function example(type: string, id: string): Promise<Json> {
  for (const { resource } of (await testRegistry()).examples()) {
    if (resource.resourceType === type && resource.id === id) return resource;
  }
  throw new Error(`no example ${type}/${id}`);
}

/** The registry, plus extra canonical resources (test profiles) found by URL. */
export async function registryWith(extra: readonly Json[]): Promise<Registry> {
  const registry = await testRegistry();
  const byUrl = new Map(extra.map((r) => [String(r.url), r]));
  return Object.freeze({
    ...Object.fromEntries(['resourceTypes', 'resourceType', 'searchParams', 'searchParam', 'profiles', 'packages', 'capabilityStatements', 'examples']
      .map((name) => [name, (registry[name as keyof Registry] as (...a: unknown[]) => unknown).bind(registry)])),
    fhirVersion: registry.fhirVersion,
    resolveCanonical: (url: string) => byUrl.get(url.split('|')[0]!) ?? registry.resolveCanonical(url),
  }) as Registry;
}

/** A copy of a base StructureDefinition's snapshot as a new profile, for tests to constrain. */
export async function profileOf(type: string, url: string): Promise<Json & { snapshot: { element: Json[] } }> {
  const base = (await testRegistry()).resolveCanonical(`http://hl7.org/fhir/StructureDefinition/${type}`);
  if (!base) throw new Error(`no base definition for ${type}`);
  const copy = structuredClone(base) as Json & { snapshot: { element: Json[] } };
  return Object.assign(copy, { url, version: '0.0.1', derivation: 'constraint', baseDefinition: base.url });
}
