/**
 * What a formulary importer hands to `applyFormularyPlan`: the drugs, and each formulary with the
 * complete list of items its new version holds. CSV files and FHIR NDJSON/Bundles both end up
 * here, so they share version replacement, --strict and the summary.
 */
import type { PlannedResource, RejectedRow } from '../roster/import-plan.js';

export interface FormularyVersionPlan {
  /** The InsurancePlan resource id. */
  readonly resourceId: string;
  /** FORMULARY_VERSION; undefined when the source does not say (FHIR input without the extension). */
  readonly version: number | undefined;
  readonly formulary: PlannedResource;
  /** Every item of the new version: stored items of the formulary not listed here are deleted. */
  readonly items: readonly PlannedResource[];
}

export interface FormularyPlan {
  /** Data rows of the formulary file (or FHIR lines/entries). */
  readonly rows: number;
  readonly rejected: readonly RejectedRow[];
  /** MedicationKnowledge resources; their `lines` count in the drug-names file when `drugRows` is set. */
  readonly drugs: readonly PlannedResource[];
  /** The drug-names file, when the drugs came from one of their own (CSV input). */
  readonly drugFile?: { readonly rows: number; readonly rejected: readonly RejectedRow[] };
  readonly formularies: readonly FormularyVersionPlan[];
  /** The input cannot be used at all: nothing is written. */
  readonly fatal?: readonly string[];
  /** What a line number refers to: `line` (default) or `entry` (a Bundle). */
  readonly lineLabel?: string;
}
