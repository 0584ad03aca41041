/**
 * A sliced element: each occurrence is assigned to the first slice whose discriminators it
 * meets and checked against that slice (else against the sliced element, or reported under
 * `closed` slicing); then each slice's own cardinality. An occurrence that only *may* belong
 * to a slice (a binding discriminator over terminology we cannot expand offline) is checked
 * against the sliced element, and a slice short of its minimum because of such occurrences is
 * counted as not checked rather than reported. https://hl7.org/fhir/R4/profiling.html#slicing
 */
import type { ElementRule, TypeRule } from './element-rule.js';
import { sliceMatchers } from './slice-matcher.js';
import { validateValue } from './validate-value.js';
import type { ValidationRun } from './validation-run.js';

const MUST_SUPPORT_DEPTH = 1;

/** `location` is where the element's values are; `parent` the object holding it (slice names hang off it). */
export function validateSlices(rule: ElementRule, type: TypeRule, items: readonly unknown[], location: string, parent: string, depth: number, run: ValidationRun): void {
  const slicing = rule.slicing!;
  const matchers = sliceMatchers(rule, run.compiler);
  const counts = new Array<number>(matchers.length).fill(0);
  const maybe = new Array<number>(matchers.length).fill(0);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const itemLocation = rule.isArray ? `${location}[${i}]` : location;
    let index = -1;
    let undecided = false;
    for (let s = 0; s < matchers.length && item !== null; s++) {
      const answer = matchers[s]!(item, type, run);
      if (answer === 'yes') {
        index = s;
        break;
      }
      if (answer === 'unknown') {
        maybe[s]!++;
        undecided = true;
      }
    }
    const slice = slicing.slices[index];
    if (slice === undefined) {
      if (slicing.rules === 'closed' && item !== null && !undecided) {
        const names = slicing.slices.map((s) => s.sliceName).join(', ');
        run.error('structure', itemLocation, `Matches none of the slices of ${rule.path} (${names}), and the slicing is closed`);
      }
      validateValue(rule, type, item, itemLocation, depth, run);
      continue;
    }
    counts[index]!++;
    validateValue(slice, sliceType(slice, type), item, itemLocation, depth, run);
  }
  checkSliceCounts(rule, counts, parent, depth, run, maybe);
}

/** Each slice's min/max against how many occurrences matched it (none when the element is absent). */
export function checkSliceCounts(rule: ElementRule, counts: readonly number[], parent: string, depth: number, run: ValidationRun, maybe: readonly number[] = []): void {
  const slices = rule.slicing?.slices ?? [];
  const base = `${parent}.${rule.key}${rule.choice ? '[x]' : ''}`;
  for (let i = 0; i < slices.length; i++) {
    const slice = slices[i]!;
    const count = counts[i] ?? 0;
    const where = `${base}:${slice.sliceName}`;
    if (count < slice.min) {
      if (count + (maybe[i] ?? 0) >= slice.min) run.notChecked(slice.requiredValueSet ?? slice.id);
      else run.error('required', where, `Slice ${slice.sliceName} of ${rule.path} needs at least ${slice.min} value(s), found ${count}`);
    }
    if (count > slice.max) run.error('structure', where, `Slice ${slice.sliceName} of ${rule.path} allows at most ${slice.max} value(s), found ${count}`);
    if (count === 0 && slice.mustSupport && depth <= MUST_SUPPORT_DEPTH) run.mustSupportMissing(where);
  }
}

/** The slice's type for the value: for type slices of a choice the one matched, else the slice's own (it carries the profile). */
function sliceType(slice: ElementRule, type: TypeRule): TypeRule {
  return slice.types.find((t) => t.code === type.code) ?? slice.types[0] ?? type;
}
