/**
 * The mutable state of one validate() call: issues found so far (deduplicated, since several
 * profiles repeat the base rules), must-support gaps, bindings not checked, and the resource
 * whose `contained` list `#id` references point into.
 */
import type { IssueCode } from '../errors/fhir-error.js';
import type { Compiler } from './compiler.js';
import type { Json } from './json-value.js';
import type { ValidationIssue, ValidationReport } from './types.js';

/** Validates a resource found inside another one (`contained`, `Bundle.entry.resource`). */
export type NestedValidator = (resource: Json, location: string, run: ValidationRun, contained: boolean) => void;

export class ValidationRun {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];
  readonly mustSupport: string[] = [];
  private readonly seen = new Set<string>();
  private readonly notCheckedValueSets = new Set<string>();
  private notCheckedCount = 0;
  /** Canonical of the profile being applied; stamped on issues. */
  profile = '';
  /** The resource whose `contained` resources `#id` references name. */
  container: Json | undefined;

  constructor(
    readonly compiler: Compiler,
    readonly nested: NestedValidator,
    /** False for the throw-away runs that test whether an item fits a slice. */
    readonly recording = true,
  ) {}

  error(code: IssueCode, location: string, message: string): void {
    this.add({ severity: 'error', code, location, message, profile: this.profile }, this.errors);
  }

  warning(code: IssueCode, location: string, message: string): void {
    this.add({ severity: 'warning', code, location, message, profile: this.profile }, this.warnings);
  }

  mustSupportMissing(location: string): void {
    if (!this.recording || this.seen.has(`ms ${location}`)) return;
    this.seen.add(`ms ${location}`);
    this.mustSupport.push(location);
  }

  /** A coded value bound to `valueSet` whose membership cannot be decided offline. */
  notChecked(valueSet: string): void {
    this.notCheckedCount++;
    this.notCheckedValueSets.add(valueSet);
  }

  /** A silent run sharing the compiler and container, to test whether a value fits a slice. */
  probe(): ValidationRun {
    const probe = new ValidationRun(this.compiler, this.nested, false);
    probe.container = this.container;
    probe.profile = this.profile;
    return probe;
  }

  report(profiles: readonly string[]): ValidationReport {
    return {
      valid: this.errors.length === 0,
      errors: this.errors,
      warnings: this.warnings,
      mustSupportMissing: this.mustSupport,
      profiles,
      terminologyNotChecked: { count: this.notCheckedCount, valueSets: [...this.notCheckedValueSets].sort() },
    };
  }

  private add(issue: ValidationIssue, into: ValidationIssue[]): void {
    const key = `${issue.severity} ${issue.location} ${issue.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    into.push(issue);
  }
}
