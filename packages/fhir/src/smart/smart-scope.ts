/**
 * SMART App Launch clinical-data scopes, v1 and v2 —
 * https://hl7.org/fhir/smart-app-launch/STU2/scopes-and-launch-context.html.
 *
 * Pure syntax: no registry, no token. Both the authorization server (what may be granted) and the
 * FHIR layer (what a granted scope allows) parse the same strings with this one function, so
 * they cannot disagree about what `patient/*.read` means.
 */

/** The five v2 interaction letters, in the only order v2 allows them. */
export type SmartInteraction = 'c' | 'r' | 'u' | 'd' | 's';

/** Who the scope is about: the patient in context, the signed-in user, or a backend client. */
export type SmartContext = 'patient' | 'user' | 'system';

/** One clinical-data scope, with v1 permissions translated into v2 letters. */
export interface SmartScope {
  readonly context: SmartContext;
  /** A resource type name, or `*` for every type. */
  readonly resourceType: string;
  readonly interactions: ReadonlySet<SmartInteraction>;
  /**
   * v2 granular scopes only (`?category=laboratory`): decoded name/value pairs, in order.
   * Pairs rather than a URLSearchParams so the value stays immutable; `new URLSearchParams(query)` works.
   */
  readonly query?: ReadonlyArray<readonly [string, string]>;
  readonly version: 1 | 2;
}

const CANONICAL: readonly SmartInteraction[] = ['c', 'r', 'u', 'd', 's'];
// v1 permissions (https://hl7.org/fhir/smart-app-launch/1.0.0/scopes-and-launch-context/) in v2 terms,
// as the v2 page's compatibility table maps them: read = rs, write = cud, * = cruds.
const V1: Readonly<Record<string, readonly SmartInteraction[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': CANONICAL,
};
const CONTEXTS: ReadonlySet<string> = new Set<SmartContext>(['patient', 'user', 'system']);
// Resource type names are Pascal-case ASCII words (https://hl7.org/fhir/R4/resourcelist.html).
const RESOURCE_TYPE = /^(?:\*|[A-Z][A-Za-z]{0,63})$/;
const SCOPE = /^([a-z]+)\/([^.?/]+)\.([^?]+)(?:\?(.*))?$/;

/**
 * Parses one scope token such as `patient/Observation.rs?category=laboratory` or `user/*.read`.
 * Returns undefined for anything that is not a clinical-data scope: identity and launch scopes
 * (`openid`, `fhirUser`, `launch/patient`, `offline_access`), v2 letters out of order or repeated,
 * a granular query on a v1 scope, or malformed text. Never throws.
 */
export function parseSmartScope(scope: string): SmartScope | undefined {
  const m = SCOPE.exec(scope);
  if (m === null) return undefined;
  const [, context, resourceType, permission, queryText] = m as unknown as [string, string, string, string, string | undefined];
  if (!CONTEXTS.has(context) || !RESOURCE_TYPE.test(resourceType)) return undefined;

  const v1 = Object.hasOwn(V1, permission) ? V1[permission] : undefined;
  if (v1 !== undefined) {
    // Granular restrictions were introduced by v2; a v1 scope with a query is not a v1 scope.
    if (queryText !== undefined) return undefined;
    return Object.freeze({ context: context as SmartContext, resourceType, interactions: letterSet(v1), version: 1 as const });
  }

  const interactions = parseV2Letters(permission);
  if (interactions === undefined) return undefined;
  if (queryText === undefined) {
    return Object.freeze({ context: context as SmartContext, resourceType, interactions, version: 2 as const });
  }
  const query = parseQuery(queryText);
  if (query === undefined) return undefined;
  return Object.freeze({ context: context as SmartContext, resourceType, interactions, query, version: 2 as const });
}

/** Parses a space-separated scope string (an OAuth `scope` value), keeping only clinical-data scopes. */
export function parseSmartScopes(scopes: string): SmartScope[] {
  const parsed: SmartScope[] = [];
  for (const token of scopes.split(' ')) {
    const scope = token === '' ? undefined : parseSmartScope(token);
    if (scope !== undefined) parsed.push(scope);
  }
  return parsed;
}

/** `cruds` letters: each at most once, in canonical order, at least one. */
function parseV2Letters(text: string): ReadonlySet<SmartInteraction> | undefined {
  if (text === '') return undefined;
  const letters: SmartInteraction[] = [];
  let next = 0; // index in CANONICAL the following letter must come at or after
  for (const ch of text) {
    const at = CANONICAL.indexOf(ch as SmartInteraction, next);
    if (at < 0) return undefined; // unknown, repeated or out of order
    letters.push(CANONICAL[at]!);
    next = at + 1;
  }
  return letterSet(letters);
}

/** `name=value&…` with percent-decoding; undefined when empty or malformed, so a typo never widens a grant. */
function parseQuery(text: string): ReadonlyArray<readonly [string, string]> | undefined {
  if (text === '') return undefined;
  const pairs: (readonly [string, string])[] = [];
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return undefined;
    const name = decode(part.slice(0, eq));
    const value = decode(part.slice(eq + 1));
    if (name === undefined || value === undefined) return undefined;
    pairs.push(Object.freeze([name, value] as const));
  }
  return Object.freeze(pairs);
}

function decode(text: string): string | undefined {
  try {
    // `+` is a space in application/x-www-form-urlencoded, as in the request URLs the query mirrors.
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function letterSet<T>(values: readonly T[]): ReadonlySet<T> {
  return new Set(values);
}
