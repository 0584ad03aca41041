/**
 * What a caller may see of each resource type, as the FHIR API derives it from the access token
 * (SMART scopes, patient compartment) and the store compiles it into every query it runs for a
 * search: the page, the total, `_include`/`_revinclude`, chains and `_has`. Data, not callbacks
 * into the API, so the store needs no knowledge of tokens.
 */
import type { SearchFilter } from './query.js';

/** Membership of one compartment (https://hl7.org/fhir/R4/compartmentdefinition.html). */
export interface CompartmentMembership {
  /** The compartment's resource type and id: `Patient` and the token's patient. */
  readonly type: string;
  readonly id: string;
  /** Reference parameters of the searched type that put a resource in the compartment (may be empty). */
  readonly params: readonly string[];
}

/** What one resource type shows a caller. */
export type TypeVisibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | {
      readonly kind: 'some';
      /** Only resources in this compartment. The compartment's own resource (Patient/A) is in it by id. */
      readonly compartment?: CompartmentMembership | undefined;
      /** Granular scopes: only resources matching every filter of at least one group. */
      readonly anyOf?: ReadonlyArray<readonly SearchFilter[]> | undefined;
    };

/** The caller's view of the data; absent on a query = everything (admin, internal callers). */
export interface SearchAccess {
  visibility(type: string): TypeVisibility;
  /**
   * A stable name for a view that is the same for every caller who has it (the anonymous public
   * view): searches through it may share cached results. A token's view has none, so its
   * searches are never cached.
   */
  readonly cacheKey?: string;
}

export const VISIBLE_ALL: TypeVisibility = Object.freeze({ kind: 'all' });
export const VISIBLE_NONE: TypeVisibility = Object.freeze({ kind: 'none' });
