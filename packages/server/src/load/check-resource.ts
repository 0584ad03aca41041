/** The checks a loaded resource passes before anything is written (the store re-checks on write). */
import { randomUUID } from 'node:crypto';
import { isFhirId } from '@payerport/fhir';

export interface CheckOptions {
  /** Give a resource without an id a new UUID (default); false: a missing id is a problem. */
  readonly assignId?: boolean;
}

/** Returns an error message, or undefined and (unless `assignId` is false) gives the resource an id when it has none. */
export function checkResource(value: unknown, types: ReadonlySet<string>, options: CheckOptions = {}): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const resource = value as Record<string, unknown>;
  const type = resource.resourceType;
  if (typeof type !== 'string') return 'no resourceType';
  if (!types.has(type)) return `unknown resourceType ${type}`;
  if (resource.id === undefined) {
    if (options.assignId === false) return `${type} has no id`;
    resource.id = randomUUID();
  }
  else if (!isFhirId(resource.id)) return `${type}.id ${JSON.stringify(resource.id)} is not a valid id`;
  return undefined;
}

/** Counts per resource type, for the load report. */
export function countByType(resources: Iterable<Record<string, unknown>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType as string] = (counts[r.resourceType as string] ?? 0) + 1;
  return counts;
}
