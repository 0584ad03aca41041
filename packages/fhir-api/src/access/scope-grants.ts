/**
 * Which of a token's scopes speak for a resource type and an interaction letter, and what
 * granular restriction they leave. https://hl7.org/fhir/smart-app-launch/STU2/scopes-and-launch-context.html
 */
import { FhirError, parseSearch, type Registry, type SearchFilter, type SmartInteraction, type SmartScope } from '@payerport/fhir';
import type { AccessContext } from './access-context.js';

/** The scopes of a context that apply to `type` with `letter`: a member's `patient/` and `user/` scopes, a backend's `system/` ones. */
export function grantingScopes(access: AccessContext, type: string, letter: SmartInteraction): SmartScope[] {
  const granting: SmartScope[] = [];
  for (const scope of access.scopes) {
    if ((access.kind === 'system') !== (scope.context === 'system')) continue;
    if ((scope.resourceType === '*' || scope.resourceType === type) && scope.interactions.has(letter)) granting.push(scope);
  }
  return granting;
}

/**
 * The granular restriction left by the granting scopes: undefined when one of them is unrestricted
 * (`patient/Observation.rs` next to `…rs?category=laboratory` grants everything), else one filter
 * group per restricted scope (OR-ed). A scope query the server cannot evaluate for this type
 * grants nothing: a misunderstood restriction must never widen access.
 */
export function granularFilters(registry: Registry, type: string, scopes: readonly SmartScope[]): SearchFilter[][] | undefined {
  if (scopes.some((s) => s.query === undefined)) return undefined;
  const groups: SearchFilter[][] = [];
  for (const scope of scopes) {
    const filters = scopeFilters(registry, type, scope.query!);
    if (filters !== undefined) groups.push(filters);
  }
  return groups;
}

function scopeFilters(registry: Registry, type: string, pairs: ReadonlyArray<readonly [string, string]>): SearchFilter[] | undefined {
  try {
    const query = parseSearch(registry, type, pairs, { lenient: false, defaultCount: 1, maxCount: 1 });
    // Only plain filters restrict; `_count`, `_include`, `_sort` … in a scope say nothing about which resources.
    return query.filters.length === pairs.length ? query.filters : undefined;
  } catch (error) {
    if (error instanceof FhirError) return undefined;
    throw error;
  }
}
