/**
 * What an importer hands to `applyImport`: the resources to write, each with the source lines
 * it came from, and the lines already rejected. CSV rosters and FHIR NDJSON/Bundles both end
 * up here, so they share idempotence, --strict, --full and the summary.
 */

export type Json = Record<string, unknown>;

export interface RejectedRow {
  /** 1-based line in the file (for a Bundle: the entry index, see `label`). */
  readonly line: number;
  readonly reason: string;
}

export interface PlannedResource {
  /** The resource, id set; the importer adds the import tag and the source-changed extension. */
  readonly resource: Json;
  /** Source lines this resource was built from: if all of them are rejected, it is not written. */
  readonly lines: readonly number[];
  /** `Type/id` of planned resources it refers to: if one of them is not written, neither is this. */
  readonly requires: readonly string[];
  /** When the source last changed this resource (an instant); default: the file's modification time. */
  readonly sourceChanged?: string;
  /**
   * The resource has ended (a role whose effective_end has passed): it is written as its final
   * version and deleted in the same transaction, so history keeps it and searches drop it.
   */
  readonly end?: boolean;
}

export interface ImportPlan {
  /** Data rows (CSV records after the header, non-blank NDJSON lines, Bundle entries). */
  readonly rows: number;
  /** In write order: whatever a resource requires comes before it. */
  readonly resources: readonly PlannedResource[];
  readonly rejected: readonly RejectedRow[];
  /** PractitionerRole ids the file lists, rejected rows included: `--full` never end-dates these. */
  readonly listedRoleIds: ReadonlySet<string>;
  /** Rejected rows whose PractitionerRole id could not be told: `--full` then end-dates nothing. */
  readonly unidentifiedRows: number;
  /** The whole file is unusable (no header, unknown columns...): nothing is written. */
  readonly fatal?: readonly string[];
  /** What a line number refers to in messages: `line` (default) or `entry`. */
  readonly lineLabel?: string;
}

/** `Type/id` of a resource. */
export const refOf = (resource: Json): string => `${String(resource.resourceType)}/${String(resource.id)}`;
