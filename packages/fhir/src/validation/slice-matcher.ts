/**
 * Compiles each slice's discriminators into a test "does this occurrence belong to the slice?",
 * once per sliced element. value/pattern read the fixed or pattern value the slice sets at the
 * discriminator path (an extension slice's url from its profile when the snapshot does not
 * list `url`); a required binding there counts as membership; `exists` and `type` are read
 * directly; anything else (`profile`, `resolve()` paths) falls back to "the occurrence
 * conforms to the slice". https://hl7.org/fhir/R4/profiling.html#discriminator
 */
import type { Compiler } from './compiler.js';
import type { Discriminator, ElementRule, Structure, TypeRule } from './element-rule.js';
import { isObject } from './json-value.js';
import { equalsFixed, matchesPattern } from './pattern-match.js';
import { validateValue } from './validate-value.js';
import type { ValidationRun } from './validation-run.js';
import type { Membership } from './value-set-membership.js';

/** `unknown`: the slice is told by a required binding whose value set cannot be expanded offline. */
export type SliceMatcher = (item: unknown, type: TypeRule, run: ValidationRun) => Membership;

const cache = new WeakMap<ElementRule, readonly SliceMatcher[]>();

/** One matcher per slice of `rule`, in slice order. */
export function sliceMatchers(rule: ElementRule, compiler: Compiler): readonly SliceMatcher[] {
  let matchers = cache.get(rule);
  if (!matchers) {
    const slicing = rule.slicing!;
    matchers = slicing.slices.map((slice) => sliceMatcher(rule, slice, slicing.discriminators, compiler));
    cache.set(rule, matchers);
  }
  return matchers;
}

function sliceMatcher(rule: ElementRule, slice: ElementRule, discriminators: readonly Discriminator[], compiler: Compiler): SliceMatcher {
  const tests = discriminators.map((d) => discriminatorTest(rule, slice, d, compiler) ?? conforms(slice));
  if (tests.length === 0) return conforms(slice);
  if (tests.length === 1) return tests[0]!;
  return (item, type, run) => {
    let answer: Membership = 'yes';
    for (const test of tests) {
      const one = test(item, type, run);
      if (one === 'no') return 'no';
      if (one === 'unknown') answer = 'unknown';
    }
    return answer;
  };
}

const yes = (ok: boolean): Membership => (ok ? 'yes' : 'no');

function discriminatorTest(rule: ElementRule, slice: ElementRule, d: Discriminator, compiler: Compiler): SliceMatcher | undefined {
  if (d.path.includes('(')) return undefined;
  const read = (item: unknown): unknown[] => valuesAt(item, d.path);
  if (d.type === 'type') {
    if (d.path !== '$this') return undefined;
    if (rule.choice) return (_item, type) => yes(slice.types.some((t) => t.code === type.code));
    const codes = new Set(slice.types.map((t) => t.code));
    return (item) => yes(isObject(item) && typeof item.resourceType === 'string' && codes.has(item.resourceType));
  }
  if (d.type === 'value' || d.type === 'pattern') {
    const extensionUrl = d.path === 'url' ? slice.types.find((t) => t.code === 'Extension')?.profiles[0] : undefined;
    const target = d.path === '$this' ? slice : ruleAtPath(slice, d.path, compiler);
    const fixed = target?.fixed;
    if (fixed) {
      const same = fixed.kind === 'fixed' ? equalsFixed : matchesPattern;
      return (item) => yes(read(item).some((v) => same(v, fixed.value)));
    }
    if (extensionUrl !== undefined) return (item) => yes(isObject(item) && item.url === extensionUrl);
    const valueSet = target?.requiredValueSet;
    if (valueSet) return (item) => bestMembership(read(item), valueSet, compiler);
    return undefined;
  }
  if (d.type === 'exists') {
    const target = ruleAtPath(slice, d.path, compiler);
    if (!target) return undefined;
    const present = target.min > 0;
    return (item) => yes(read(item).length > 0 === present);
  }
  return undefined;
}

/** Fallback: the occurrence belongs to the slice when checking it against the slice finds no error. */
function conforms(slice: ElementRule): SliceMatcher {
  return (item, type, run) => {
    const probe = run.probe();
    validateValue(slice, slice.types.find((t) => t.code === type.code) ?? slice.types[0] ?? type, item, '', 2, probe);
    return yes(probe.errors.length === 0);
  };
}

/** Values at a dotted member path below `item` (arrays flattened); `$this` is the item. */
function valuesAt(item: unknown, path: string): unknown[] {
  let current: unknown[] = [item];
  if (path === '$this') return current;
  for (const name of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const child = isObject(value) ? value[name] : undefined;
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current;
}

/** The rule at a dotted path below a slice, through its snapshot children or its type's definition. */
function ruleAtPath(slice: ElementRule, path: string, compiler: Compiler): ElementRule | undefined {
  let rule: ElementRule | undefined = slice;
  for (const name of path.split('.')) {
    const children: Structure | undefined = rule ? structureOf(rule, compiler) : undefined;
    rule = children?.children.find((c) => c.key === name && c.sliceName === undefined);
    if (!rule) return undefined;
  }
  return rule;
}

function structureOf(rule: ElementRule, compiler: Compiler): Structure | undefined {
  const own = rule.structure();
  if (own) return own;
  const type = rule.types[0];
  if (!type) return undefined;
  for (const profile of type.profiles) {
    const compiled = compiler.profile(profile);
    if (compiled) return compiled.root.structure();
  }
  return compiler.baseDefinition(type.code)?.root.structure();
}

/** The best answer over the codes of some values (code, Coding or CodeableConcept). */
function bestMembership(values: readonly unknown[], valueSet: string, compiler: Compiler): Membership {
  const membership = compiler.valueSet(valueSet);
  let answer: Membership = 'no';
  for (const value of values) {
    const codings = isObject(value) && Array.isArray(value.coding) ? value.coding : [value];
    for (const c of codings) {
      let one: Membership = 'no';
      if (typeof c === 'string') one = membership.contains(undefined, c);
      else if (isObject(c) && typeof c.code === 'string') one = membership.contains(typeof c.system === 'string' ? c.system : undefined, c.code);
      if (one === 'yes') return 'yes';
      if (one === 'unknown') answer = 'unknown';
    }
  }
  return answer;
}
