/**
 * Required-strength bindings on code, Coding and CodeableConcept, decided offline.
 * https://hl7.org/fhir/R4/terminologies.html#required
 */
import { isObject } from './json-value.js';
import type { ValidationRun } from './validation-run.js';

/** Checks a coded value of type `typeCode` against the required value set `valueSet`. */
export function checkRequiredBinding(typeCode: string, value: unknown, valueSet: string, location: string, run: ValidationRun): void {
  if (typeCode === 'code' && typeof value === 'string') {
    decide([{ code: value }], valueSet, location, run);
  } else if (typeCode === 'Coding' && isObject(value)) {
    decide([value], valueSet, location, run);
  } else if (typeCode === 'CodeableConcept' && isObject(value)) {
    const codings = Array.isArray(value.coding) ? value.coding.filter(isObject) : [];
    decide(codings, valueSet, location, run);
  }
}

function decide(codings: readonly Record<string, unknown>[], valueSet: string, location: string, run: ValidationRun): void {
  const membership = run.compiler.valueSet(valueSet);
  let undecided = false;
  const shown: string[] = [];
  for (const coding of codings) {
    if (typeof coding.code !== 'string') continue;
    const system = typeof coding.system === 'string' ? coding.system : undefined;
    const answer = membership.contains(system, coding.code);
    if (answer === 'yes') return;
    if (answer === 'unknown') undecided = true;
    shown.push(system ? `${system}|${coding.code}` : coding.code);
  }
  if (undecided) {
    run.notChecked(valueSet);
    return;
  }
  let message = `No code given; the required value set ${valueSet} needs one`;
  if (shown.length === 1) message = `"${shown[0]}" is not in the required value set ${valueSet}`;
  if (shown.length > 1) message = `None of ${shown.map((s) => `"${s}"`).join(', ')} is in the required value set ${valueSet}`;
  run.error('code-invalid', location, message);
}
