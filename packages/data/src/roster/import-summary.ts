/** What an import did, for the CLI's summary and for tests. */
import type { RejectedRow } from './import-plan.js';

export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** PractitionerRoles end-dated by --full. */
  ended: number;
}

export interface ImportSummary {
  /** Data rows read. */
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly ended: number;
  readonly byType: Readonly<Record<string, TypeCounts>>;
  /** Sorted by line; one entry per rejected line. */
  readonly rejected: readonly RejectedRow[];
  /** False when nothing was written: a fatal problem, or --strict with rejected rows. */
  readonly written: boolean;
  /** The file could not be read as a roster at all (nothing written). */
  readonly fatal?: readonly string[];
  /** Why --full end-dated nothing, when it was asked for and did not run. */
  readonly fullSkipped?: string;
  /** `line` or `entry`: what the numbers in `rejected` count. */
  readonly lineLabel: string;
}

/** Per-type counters that are merged into the totals only when their transaction commits. */
export class Counts {
  readonly byType: Record<string, TypeCounts> = {};

  add(type: string, what: keyof TypeCounts, n = 1): void {
    const c = (this.byType[type] ??= { created: 0, updated: 0, unchanged: 0, ended: 0 });
    c[what] += n;
  }

  merge(other: Counts): void {
    for (const [type, c] of Object.entries(other.byType)) {
      for (const what of ['created', 'updated', 'unchanged', 'ended'] as const) if (c[what] > 0) this.add(type, what, c[what]);
    }
  }

  total(what: keyof TypeCounts): number {
    return Object.values(this.byType).reduce((n, c) => n + c[what], 0);
  }
}
