/**
 * Offline membership test for a ValueSet, computed once per value set from its `compose`
 * (or its `expansion` when it has no compose). https://hl7.org/fhir/R4/valueset.html#compose
 *
 * Decidable: includes that list their `concept`s, whole CodeSystems present with
 * `content = complete`, and imports of value sets that are themselves decidable. Anything else
 * (filters, external code systems such as NUCC, RxNorm, CPT, ICD-10 or a value set we do not
 * have) makes the answer for that system `unknown`: the caller records it as not checked.
 */
import type { DefinitionSource } from './definition-source.js';
import { isObject, type Json } from './json-value.js';

export type Membership = 'yes' | 'no' | 'unknown';

export interface ValueSetMembership {
  readonly url: string;
  /** Is `code` (from `system`; undefined for a plain `code` element) in the value set? */
  contains(system: string | undefined, code: string): Membership;
}

interface Expansion {
  /** Enumerated codes per system. */
  readonly codes: Map<string, Set<string>>;
  /** Systems whose membership cannot be decided offline. */
  readonly openSystems: Set<string>;
  /** Something (an unresolved import) leaves every system undecidable. */
  unknownAll: boolean;
}

/** Compiles the value set `url` (with or without `|version`) into a membership test. */
export function valueSetMembership(url: string, source: DefinitionSource): ValueSetMembership {
  const expansion = expand(url, source, new Set());
  return {
    url,
    contains(system, code) {
      if (system !== undefined) {
        if (expansion.codes.get(system)?.has(code)) return 'yes';
        return expansion.unknownAll || expansion.openSystems.has(system) ? 'unknown' : 'no';
      }
      for (const codes of expansion.codes.values()) if (codes.has(code)) return 'yes';
      return expansion.unknownAll || expansion.openSystems.size > 0 ? 'unknown' : 'no';
    },
  };
}

function expand(url: string, source: DefinitionSource, visiting: Set<string>): Expansion {
  const result: Expansion = { codes: new Map(), openSystems: new Set(), unknownAll: false };
  const vs = visiting.has(url) ? undefined : source.valueSet(url);
  if (!vs) {
    result.unknownAll = true;
    return result;
  }
  visiting.add(url);
  const compose = isObject(vs.compose) ? vs.compose : undefined;
  if (compose) {
    for (const include of objects(compose.include)) addInclude(result, include, source, visiting);
    for (const exclude of objects(compose.exclude)) removeExclude(result, exclude);
  } else if (isObject(vs.expansion)) {
    addContains(result, objects(vs.expansion.contains));
  } else {
    result.unknownAll = true;
  }
  visiting.delete(url);
  return result;
}

function addInclude(result: Expansion, include: Json, source: DefinitionSource, visiting: Set<string>): void {
  const system = typeof include.system === 'string' ? include.system : undefined;
  const imports = Array.isArray(include.valueSet) ? include.valueSet.filter((v): v is string => typeof v === 'string') : [];
  if (system === undefined) {
    // Only imports: the union of the imported value sets.
    for (const imported of imports) merge(result, expand(imported, source, visiting));
    if (imports.length === 0) result.unknownAll = true;
    return;
  }
  const concepts = objects(include.concept);
  if (imports.length > 0 || Array.isArray(include.filter)) {
    result.openSystems.add(system); // an intersection or a filter: not decided offline
  } else if (concepts.length > 0) {
    for (const c of concepts) if (typeof c.code === 'string') codesOf(result, system).add(c.code);
  } else {
    const cs = source.codeSystem(system);
    if (cs && (cs.content === 'complete' || cs.content === undefined) && Array.isArray(cs.concept)) {
      addConcepts(codesOf(result, system), objects(cs.concept));
    } else {
      result.openSystems.add(system);
    }
  }
}

function removeExclude(result: Expansion, exclude: Json): void {
  const system = typeof exclude.system === 'string' ? exclude.system : undefined;
  if (system === undefined) return; // excluding whole value sets is not decided; keeping codes errs on accepting
  const concepts = objects(exclude.concept);
  if (concepts.length === 0 || Array.isArray(exclude.filter)) {
    result.codes.delete(system);
    result.openSystems.add(system);
    return;
  }
  for (const c of concepts) if (typeof c.code === 'string') result.codes.get(system)?.delete(c.code);
}

function addContains(result: Expansion, contains: Json[]): void {
  for (const c of contains) {
    if (typeof c.system === 'string' && typeof c.code === 'string') codesOf(result, c.system).add(c.code);
    addContains(result, objects(c.contains));
  }
}

function addConcepts(into: Set<string>, concepts: Json[]): void {
  for (const c of concepts) {
    if (typeof c.code === 'string') into.add(c.code);
    addConcepts(into, objects(c.concept));
  }
}

function merge(into: Expansion, from: Expansion): void {
  for (const [system, codes] of from.codes) for (const code of codes) codesOf(into, system).add(code);
  for (const system of from.openSystems) into.openSystems.add(system);
  if (from.unknownAll) into.unknownAll = true;
}

function codesOf(result: Expansion, system: string): Set<string> {
  let codes = result.codes.get(system);
  if (!codes) result.codes.set(system, (codes = new Set()));
  return codes;
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
