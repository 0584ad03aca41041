/**
 * Walks one JSON object against the children of its element: unknown names, choice types,
 * JSON arrays, cardinality, must-support gaps, then each present value.
 * https://hl7.org/fhir/R4/json.html and https://hl7.org/fhir/R4/profiling.html#cardinality
 */
import type { ElementKey, ElementRule, Structure } from './element-rule.js';
import { isObject, type Json } from './json-value.js';
import { matchesPattern } from './pattern-match.js';
import { validateSlices, checkSliceCounts } from './validate-slices.js';
import { validateValue } from './validate-value.js';
import type { ValidationRun } from './validation-run.js';

/** Elements this deep (0 = a resource's own elements) are listed when must-support and absent. */
const MUST_SUPPORT_DEPTH = 1;

export function validateStructure(structure: Structure, obj: Json, path: string, depth: number, run: ValidationRun): void {
  for (const key in obj) {
    const target = structure.keys.get(key);
    if (target === undefined) {
      if (key !== 'resourceType' || !structure.isResource) run.error('structure', `${path}.${key}`, `Unknown element "${key}"`);
    } else if (target.type === undefined) {
      const allowed = target.rule.types.map((t) => t.code).join(', ');
      run.error('structure', `${path}.${key}`, `"${key}": this type is not allowed for ${target.rule.path} (allowed: ${allowed})`);
    }
  }
  for (const rule of structure.children) validateChild(rule, obj, path, depth, run);
}

function validateChild(rule: ElementRule, obj: Json, path: string, depth: number, run: ValidationRun): void {
  let found: ElementKey | undefined;
  for (const candidate of rule.keys) {
    if (obj[candidate.key] === undefined && obj[candidate.extensionKey] === undefined) continue;
    if (found) run.error('structure', `${path}.${candidate.key}`, `Only one of ${rule.path} may be present (also found ${found.key})`);
    else found = candidate;
  }
  if (!found) {
    // Most elements are absent and fine: build no strings for them.
    if (rule.min > 0) run.error('required', `${path}.${rule.key}${rule.choice ? '[x]' : ''}`, `Missing required element ${rule.path} (min ${rule.min})`);
    else if (rule.mustSupport && depth <= MUST_SUPPORT_DEPTH) run.mustSupportMissing(`${path}.${rule.key}`);
    if (rule.slicing && rule.slicing.slices.length > 0) checkSliceCounts(rule, [], path, depth, run);
    return;
  }
  const location = `${path}.${found.key}`;
  const items = asItems(rule, obj[found.key], location, run);
  const extensions = asItems(rule, obj[found.extensionKey], `${path}.${found.extensionKey}`, run);
  const count = Math.max(items.length, extensions.length);
  if (count < rule.min) run.error('required', location, `${rule.path} has ${count} value(s); at least ${rule.min} required`);
  if (count > rule.max) {
    run.error('structure', location, rule.max === 0 ? `${rule.path} is not allowed here (max 0)` : `${rule.path} has ${count} values; at most ${rule.max} allowed`);
  }
  // A pattern on a repeating element is met when some item matches it; slices are matched item by item.
  const patternOnList = rule.fixed?.kind === 'pattern' && rule.isArray && rule.sliceName === undefined;
  if (patternOnList && items.length > 0 && !items.some((v) => matchesRulePattern(rule, v))) {
    run.error('value', location, `No ${rule.path} matches the pattern ${JSON.stringify(rule.fixed?.value)} (${rule.fixed?.name})`);
  }
  if (rule.slicing && rule.slicing.slices.length > 0) {
    validateSlices(rule, found.type, items, location, path, depth, run);
  } else {
    for (let i = 0; i < items.length; i++) {
      validateValue(rule, found.type, items[i], rule.isArray ? `${location}[${i}]` : location, depth, run, !patternOnList);
    }
  }
  for (let i = 0; i < extensions.length; i++) validatePrimitiveExtension(extensions[i], rule.isArray ? `${path}.${found.extensionKey}[${i}]` : `${path}.${found.extensionKey}`, depth, run);
}

/** The occurrences of an element, reporting a JSON shape that contradicts its cardinality. */
function asItems(rule: ElementRule, value: unknown, location: string, run: ValidationRun): readonly unknown[] {
  if (value === undefined) return [];
  if (rule.isArray) {
    if (!Array.isArray(value)) {
      run.error('structure', location, `${rule.path} repeats, so it must be a JSON array`);
      return [value];
    }
    if (value.length === 0) run.error('structure', location, 'Empty arrays are not allowed in FHIR JSON');
    return value;
  }
  if (Array.isArray(value)) {
    run.error('structure', location, `${rule.path} does not repeat, so it must not be a JSON array`);
    return value;
  }
  return [value];
}

/** `_name`: the id and extensions of a primitive value (null where an array item has none). */
function validatePrimitiveExtension(value: unknown, location: string, depth: number, run: ValidationRun): void {
  if (value === null) return;
  if (!isObject(value)) {
    run.error('structure', location, 'Must be a JSON object holding the id and extensions of a primitive value');
    return;
  }
  const element = run.compiler.baseDefinition('Element')?.root.structure();
  if (element) validateStructure(element, value, location, depth + 1, run);
}

function matchesRulePattern(rule: ElementRule, value: unknown): boolean {
  return rule.fixed !== undefined && matchesPattern(value, rule.fixed.value);
}
