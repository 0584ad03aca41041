/**
 * A caller's view of one resource type (TypeVisibility) judged on one resource in memory: the
 * counterpart of the store's SQL access condition, for what has no index rows to compile it
 * against — the earlier versions of a resource (vread, `_history`). A version that belonged to
 * another patient's compartment, or fell outside a granular scope, must not be shown just
 * because the current version is. https://hl7.org/fhir/R4/compartmentdefinition.html
 */
import type { Indexer } from '../indexing/index-row.js';
import type { CompartmentMembership, TypeVisibility } from './access.js';
import { matchesFilter, type MatchContext } from './matcher.js';

type Resource = Record<string, unknown>;

/** True when `visibility` shows `resource` (any version of it, current or not). */
export function visibleInMemory(resource: Resource, visibility: TypeVisibility, indexer: Indexer): boolean {
  switch (visibility.kind) {
    case 'all': return true;
    case 'none': return false;
    case 'some': {
      if (visibility.compartment !== undefined && !inCompartment(resource, visibility.compartment, indexer)) return false;
      if (visibility.anyOf === undefined) return true;
      // A version is judged alone: chains and `_has` in a granular scope would need the other
      // resources as they were then, which nothing keeps, so they match nothing here (never wider).
      const ctx: MatchContext = { indexer, resolve: () => undefined, all: () => [] };
      return visibility.anyOf.some((group) => group.every((filter) => matchesFilter(resource, filter, ctx)));
    }
  }
}

/** In the compartment by id (Patient/A itself) or by a reference through one of the type's compartment parameters. */
function inCompartment(resource: Resource, compartment: CompartmentMembership, indexer: Indexer): boolean {
  if (resource['resourceType'] === compartment.type && resource['id'] === compartment.id) return true;
  if (compartment.params.length === 0) return false;
  return indexer.extract(resource).some((row) => row.kind === 'reference' && compartment.params.includes(row.param)
    && row.targetType === compartment.type && row.targetId === compartment.id);
}
