/**
 * A request's view of the data as a SearchAccess, from its access context: public types whole,
 * other types as the token's scopes grant them, confined to the member's Patient compartment for
 * a patient-context token. Built only for requests that need it; each type's view is computed once.
 */
import { VISIBLE_ALL, VISIBLE_NONE, type Compartment, type Registry, type SearchAccess, type SmartInteraction, type TypeVisibility } from '@payerport/fhir';
import type { AccessContext } from './access-context.js';
import { granularFilters, grantingScopes } from './scope-grants.js';

export interface ViewInputs {
  readonly registry: Registry;
  readonly publicTypes: ReadonlySet<string>;
  readonly compartment: Compartment;
}

/** What an anonymous caller sees: public types only (a directory search cannot `_revinclude` claims). */
export function publicView(inputs: ViewInputs): SearchAccess {
  return { cacheKey: 'public', visibility: (type) => (inputs.publicTypes.has(type) ? VISIBLE_ALL : VISIBLE_NONE) };
}

/**
 * The view of a token. `mainType` is judged by the letter the interaction needs (`s` for a
 * search); every other type a search reaches (includes, chains, `_has`) by `r`, reading it.
 */
export function tokenView(inputs: ViewInputs, access: AccessContext, mainType: string | undefined, need: SmartInteraction): SearchAccess {
  const cache = new Map<string, TypeVisibility>();
  return {
    visibility(type) {
      let view = cache.get(type);
      if (view === undefined) {
        view = typeVisibility(inputs, access, type, type === mainType ? need : 'r');
        cache.set(type, view);
      }
      return view;
    },
  };
}

function typeVisibility(inputs: ViewInputs, access: AccessContext, type: string, letter: SmartInteraction): TypeVisibility {
  if (inputs.publicTypes.has(type)) return VISIBLE_ALL;
  const scopes = grantingScopes(access, type, letter);
  if (scopes.length === 0) return VISIBLE_NONE;
  const anyOf = granularFilters(inputs.registry, type, scopes);
  if (anyOf !== undefined && anyOf.length === 0) return VISIBLE_NONE;
  const params = access.kind === 'patient' ? inputs.compartment.params(type) : undefined;
  // Types outside the compartment (Organization, Practitioner, Medication) hold no member's data:
  // a member's token reads them as its scopes allow.
  const compartment = params === undefined || access.kind !== 'patient' ? undefined : { type: inputs.compartment.type, id: access.patient, params };
  if (compartment === undefined && anyOf === undefined) return VISIBLE_ALL;
  return { kind: 'some', compartment, anyOf };
}
