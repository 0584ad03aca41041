/**
 * Splits a SearchParameter's FHIRPath expression into the part for each resource type.
 * Base R4 parameters shared by several types use unions (`Patient.name | Practitioner.name`);
 * the indexer evaluates one type at a time and should see only that type's part.
 * https://hl7.org/fhir/R4/searchparameter-definitions.html#SearchParameter.expression
 */

const ABSTRACT_BASES = new Set(['Resource', 'DomainResource']);

/** Splits at top-level `|`, ignoring bars inside parentheses, brackets, quoted strings and backtick names. */
export function splitUnion(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '`' || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/**
 * The union of the parts that apply to `type`: parts starting with that type, parts starting with
 * `Resource`/`DomainResource` (rewritten to start with `type`), and parts with no type prefix
 * (`name | alias`, which the IGs use for single-type parameters). Undefined when nothing applies.
 */
export function expressionForType(expression: string, type: string): string | undefined {
  const kept: string[] = [];
  for (const part of splitUnion(expression)) {
    const head = leadingTypeName(part);
    if (head === undefined) kept.push(part);
    else if (head.name === type) kept.push(part);
    else if (ABSTRACT_BASES.has(head.name)) kept.push(part.slice(0, head.at) + type + part.slice(head.at + head.name.length));
  }
  return kept.length > 0 ? kept.join(' | ') : undefined;
}

/**
 * The type name a part starts with, after any opening parentheses: `(Observation.value as Quantity)`
 * → Observation. FHIR element names are camelCase, so a leading capitalised identifier is a type.
 */
function leadingTypeName(part: string): { name: string; at: number } | undefined {
  const match = /^[\s(]*([A-Z][A-Za-z0-9]*)(?![A-Za-z0-9(])/.exec(part);
  if (!match) return undefined;
  return { name: match[1]!, at: match[0].length - match[1]!.length };
}
