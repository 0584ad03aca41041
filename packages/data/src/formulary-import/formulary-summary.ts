/** What a formulary import did: the roster import's summary plus one outcome per formulary. */
import type { RejectedRow } from '../roster/import-plan.js';
import type { ImportSummary } from '../roster/import-summary.js';

export interface FormularyOutcome {
  /** The InsurancePlan resource id. */
  readonly id: string;
  readonly version: number | undefined;
  /** The version stored before this import (undefined: new formulary, or none recorded). */
  readonly previousVersion: number | undefined;
  /** Items the new version holds (rejected rows left out). */
  readonly items: number;
  /** Stored items deleted because the new version no longer lists them. */
  readonly removed: number;
  /** False when this formulary was left as it was (all its rows rejected, or its transaction failed). */
  readonly written: boolean;
}

export interface FormularySummary extends ImportSummary {
  /** Items deleted across all formularies. */
  readonly removed: number;
  readonly formularies: readonly FormularyOutcome[];
  /** The drug-names file (CSV input): its data rows and rejected rows. */
  readonly drugFile?: { readonly rows: number; readonly rejected: readonly RejectedRow[] };
}
