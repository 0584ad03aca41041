/**
 * Turns a SearchParameter resource into the per-type definitions the server runs with:
 * `Resource`/`DomainResource` bases expanded to concrete types, and the expression cut down to
 * each type's own part. https://hl7.org/fhir/R4/searchparameter.html
 */
import { expressionForType } from './split-expression.js';
import type { SearchParamDef, SearchParamType } from './types.js';

type Json = Record<string, unknown>;

const PARAM_TYPES = new Set<string>(['number', 'date', 'string', 'token', 'reference', 'composite', 'quantity', 'uri', 'special']);

/** The concrete resource types, and those derived from DomainResource (all but Bundle, Binary, Parameters). */
export interface ConcreteTypes {
  readonly all: readonly string[];
  readonly domain: readonly string[];
  readonly known: ReadonlySet<string>;
}

/**
 * One definition per resource type the SearchParameter applies to, keyed by type.
 * Problems (unknown type, a type the expression does not cover) are reported through `warn` and skipped.
 */
export function searchParamDefsByType(sp: Json, source: string, types: ConcreteTypes, warn: (msg: string) => void): Map<string, SearchParamDef> {
  const defs = new Map<string, SearchParamDef>();
  const { url, code, type } = sp;
  if (typeof url !== 'string' || typeof code !== 'string' || typeof type !== 'string' || !PARAM_TYPES.has(type)) {
    warn(`${source}: SearchParameter ${String(sp.id)} skipped (needs url, code and a known type)`);
    return defs;
  }
  const base = expandBase(strings(sp.base), types, (t) => warn(`${source}: SearchParameter ${url} names unknown base type ${t}`));
  const expression = typeof sp.expression === 'string' && sp.expression.trim() !== '' ? sp.expression : undefined;
  const shared = {
    url,
    code,
    type: type as SearchParamType,
    base: Object.freeze(base),
    target: Object.freeze(strings(sp.target)),
    source,
    ...(type === 'composite' ? { components: Object.freeze(components(sp)) } : {}),
    ...(typeof sp.description === 'string' ? { description: sp.description } : {}),
    ...(type === 'string' && matchesWords(sp) ? { matchesWords: true } : {}),
  };
  for (const resourceType of base) {
    const own = expression === undefined ? undefined : expressionForType(expression, resourceType);
    if (expression !== undefined && own === undefined) {
      warn(`${source}: SearchParameter ${url} has no expression for ${resourceType}; not used for it`);
      continue;
    }
    defs.set(resourceType, Object.freeze({ ...shared, expression: own }));
  }
  return defs;
}

function expandBase(declared: readonly string[], types: ConcreteTypes, unknown: (type: string) => void): string[] {
  const expanded = new Set<string>();
  for (const b of declared) {
    if (b === 'Resource') types.all.forEach((t) => expanded.add(t));
    else if (b === 'DomainResource') types.domain.forEach((t) => expanded.add(t));
    else if (types.known.has(b)) expanded.add(b);
    else unknown(b);
  }
  return [...expanded];
}

function components(sp: Json): { definition: string; expression: string }[] {
  const list = Array.isArray(sp.component) ? (sp.component as Json[]) : [];
  return list
    .filter((c) => typeof c.definition === 'string' && typeof c.expression === 'string')
    .map((c) => Object.freeze({ definition: c.definition as string, expression: c.expression as string }));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** payerport's flag for string parameters matched at the start of any word (decision 0010). */
export const MATCHES_WORDS_EXTENSION = 'https://payerport.dev/fhir/StructureDefinition/search-matches-words';

function matchesWords(sp: Json): boolean {
  return Array.isArray(sp.extension) && sp.extension.some((e: unknown) =>
    typeof e === 'object' && e !== null && (e as Json).url === MATCHES_WORDS_EXTENSION && (e as Json).valueBoolean === true);
}
