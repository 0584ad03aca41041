/**
 * Prepares a SearchParameter's FHIRPath expression for one resource type: splits the
 * top-level union, keeps the terms that apply to the type, and rewrites the idioms R4 and
 * IG expressions use but an engine cannot evaluate as written.
 * https://hl7.org/fhir/R4/searchparameter-definitions.html#SearchParameter.expression
 */
import { splitUnion } from '../definitions/split-expression.js';
import { isResourceTypeName } from './r4-model.js';

// One splitter for FHIRPath unions, shared with the registry (which splits per resource type).
export { splitUnion };

/** The identifier a term starts with, ignoring leading parentheses: `(Observation.value as X)` → `Observation`. */
export function termRoot(term: string): string | undefined {
  return /^\(*\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(term)?.[1];
}

/**
 * Whether a term can yield values for `type`. Base R4 parameters share one expression across
 * types (`AllergyIntolerance.code | Condition.code | ...`); evaluating the other types' terms
 * is wasted work, so they are dropped. Relative terms (`name | alias`) and `Resource.x` stay.
 */
export function termAppliesTo(term: string, type: string): boolean {
  const root = termRoot(term);
  if (root === undefined || root === type || root === 'Resource' || root === 'DomainResource') return true;
  return !isResourceTypeName(root);
}

/**
 * Rewrites a term into something fhirpath.js evaluates synchronously and leniently:
 * - `resolve() is T` → `refIs('T')`: resolve() would fetch the target; the type is in the
 *   reference itself (`Patient/1`), and `refIs` (fhirpath-evaluator.ts) reads it from there.
 * - `x as T` / `x.as(T)` → `x.ofType(T)`: `as` demands a singleton, and R4 expressions such as
 *   `(Observation.component.value as Quantity)` apply it to collections (fhirpath.js throws).
 */
export function rewriteTerm(term: string): string {
  let out = term.replace(/\bresolve\(\)\s+is\s+(?:FHIR\.)?([A-Za-z]+)/g, "refIs('$1')");
  out = out.replace(/\.as\(\s*([A-Za-z.]+)\s*\)/g, '.ofType($1)');
  // `(path as T)` with a plain path inside; anything more complex is left to the engine.
  out = out.replace(/\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s+as\s+([A-Za-z.]+)\s*\)/g, '$1.ofType($2)');
  out = out.replace(/^([A-Za-z_][A-Za-z0-9_.]*)\s+as\s+([A-Za-z.]+)$/, '$1.ofType($2)');
  return out;
}

/** The rewritten terms of `expression` that apply to `type`. */
export function termsForType(expression: string, type: string): string[] {
  return splitUnion(expression).filter((t) => termAppliesTo(t, type)).map(rewriteTerm);
}
