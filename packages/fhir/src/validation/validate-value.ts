/**
 * Checks one occurrence of an element by its type: a primitive's JSON form and format, a
 * nested resource, or a complex value's children; then fixed/pattern, required binding,
 * reference target and the extension rule ext-1.
 */
import { checkRequiredBinding } from './binding-check.js';
import type { ElementRule, TypeRule } from './element-rule.js';
import { isObject, type Json } from './json-value.js';
import { equalsFixed, matchesPattern } from './pattern-match.js';
import { primitiveProblem } from './primitive-formats.js';
import { referencedType } from './reference-target.js';
import { structureFor } from './structure-for.js';
import { validateStructure } from './validate-structure.js';
import type { ValidationRun } from './validation-run.js';

export function validateValue(rule: ElementRule, type: TypeRule, value: unknown, location: string, depth: number, run: ValidationRun, checkFixed = true): void {
  if (type.primitive) {
    if (value === null) return; // placeholder in an array whose `_name` twin carries the extensions
    const problem = primitiveProblem(type.code, value);
    if (problem) {
      run.error('value', location, `${rule.path}: ${problem}`);
      return;
    }
    if (checkFixed && rule.fixed) checkFixedValue(rule, value, location, run);
    if (rule.requiredValueSet) checkRequiredBinding(type.code, value, rule.requiredValueSet, location, run);
    return;
  }
  if (type.code === 'Resource' || run.compiler.isResourceType(type.code)) {
    if (isObject(value) && typeof value.resourceType === 'string') run.nested(value, location, run, rule.path.endsWith('.contained'));
    else run.error('structure', location, `${rule.path} must be a resource (a JSON object with resourceType)`);
    return;
  }
  if (!isObject(value)) {
    run.error('structure', location, `${rule.path} must be a JSON object (${type.code})`);
    return;
  }
  if (isEmpty(value)) {
    run.error('structure', location, 'Empty object: an element must have a value or children (ele-1)');
    return;
  }
  const structure = structureFor(rule, type, value, location, run);
  if (structure) validateStructure(structure, value, location, depth + 1, run);
  if (checkFixed && rule.fixed) checkFixedValue(rule, value, location, run);
  if (rule.requiredValueSet) checkRequiredBinding(type.code, value, rule.requiredValueSet, location, run);
  if (type.code === 'Reference') checkReferenceTarget(rule, type, value, location, run);
  if (type.code === 'Extension' && Array.isArray(value.extension) && Object.keys(value).some((k) => k.startsWith('value'))) {
    run.error('invariant', location, 'An extension must have either extensions or a value[x], not both (ext-1)');
  }
}

function checkFixedValue(rule: ElementRule, value: unknown, location: string, run: ValidationRun): void {
  const fixed = rule.fixed!;
  if (fixed.kind === 'fixed' ? equalsFixed(value, fixed.value) : matchesPattern(value, fixed.value)) return;
  const expected = JSON.stringify(fixed.value);
  run.error('value', location, fixed.kind === 'fixed'
    ? `${rule.path} must be exactly ${expected} (${fixed.name}), found ${JSON.stringify(value)}`
    : `${rule.path} must match the pattern ${expected} (${fixed.name})`);
}

function checkReferenceTarget(rule: ElementRule, type: TypeRule, ref: Json, location: string, run: ValidationRun): void {
  const compiler = run.compiler;
  const target = referencedType(ref, run.container, compiler.isResourceType);
  if (target.problem !== undefined) {
    run.error('invalid', `${location}.reference`, target.problem);
    return;
  }
  const allowed = compiler.targetTypes(type);
  if (allowed && target.type !== undefined && !allowed.has(target.type)) {
    run.error('invalid', `${location}.reference`, `Points to a ${target.type}; ${rule.path} may point to ${[...allowed].join(', ')}`);
  }
}

function isEmpty(value: Json): boolean {
  for (const _ in value) return false;
  return true;
}
