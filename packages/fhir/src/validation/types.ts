/**
 * Public shapes of profile validation: what a caller asks for and the report it gets back.
 * See docs/decisions/0007-profile-validator.md.
 */
import type { IssueCode } from '../errors/fhir-error.js';

export interface ValidationIssue {
  readonly severity: 'error' | 'warning';
  /** OperationOutcome issue type: `required`, `structure`, `value`, `code-invalid`, `invalid`, `not-supported`. */
  readonly code: IssueCode;
  /** FHIRPath-like location, e.g. `PractitionerRole.code[0].coding[1].system`; slices as `Practitioner.identifier:NPI`. */
  readonly location: string;
  readonly message: string;
  /** Canonical URL of the profile whose rule raised it (the base definition's URL for base rules). */
  readonly profile?: string;
}

/** Required bindings that could not be decided offline (NUCC, RxNorm, CPT… not in the loaded packages). */
export interface TerminologyNotChecked {
  /** Coded values not checked. */
  readonly count: number;
  /** The value sets they were bound to, sorted. */
  readonly valueSets: readonly string[];
}

export interface ValidationReport {
  /** True when there are no errors (warnings allowed). */
  readonly valid: boolean;
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  /** Must-support elements (top level and one level down) absent from the resource, e.g. `PractitionerRole.telecom`. */
  readonly mustSupportMissing: readonly string[];
  /** Canonical URLs the resource was checked against (its profiles, or the base definition when none applied). */
  readonly profiles: readonly string[];
  readonly terminologyNotChecked: TerminologyNotChecked;
}

export interface ValidateOptions {
  /** Profiles to check against; default: the resource's `meta.profile`. Unknown URLs give a warning. */
  readonly profiles?: readonly string[];
}

export interface ResourceValidator {
  /** Checks one resource against its profiles (compiled once per profile and cached). Never throws on bad input. */
  validate(resource: unknown, options?: ValidateOptions): ValidationReport;
}
