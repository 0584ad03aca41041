/**
 * Groups valid rows into resources: one PractitionerRole per row, one Practitioner per NPI,
 * one Location per location key. Rows that contradict an earlier row about a shared resource
 * (another name for the same NPI, another address for the same location id), or repeat an
 * earlier row's NPI + location + network, are rejected, naming the earlier line.
 */
import type { RosterRow } from './roster-columns.js';
import type { PlannedResource, RejectedRow } from './import-plan.js';
import { buildLocation, buildPractitioner, buildPractitionerRole, roleHasEnded } from './build-resources.js';
import { locationKey, locationResourceId, practitionerId, roleId } from './resource-ids.js';

export interface MergedRoster {
  readonly resources: PlannedResource[];
  readonly rejected: RejectedRow[];
  /** Every role id the rows name, rejected rows included. */
  readonly roleIds: Set<string>;
}

const PRACTITIONER_FIELDS = ['firstName', 'middleName', 'lastName', 'suffix', 'gender'] as const;
const LOCATION_FIELDS = ['locationName', 'addressLine1', 'addressLine2', 'city', 'state', 'zip'] as const;
const HEADER: Record<string, string> = {
  firstName: 'first_name', middleName: 'middle_name', lastName: 'last_name', suffix: 'suffix', gender: 'gender',
  locationName: 'location_name', addressLine1: 'address_line1', addressLine2: 'address_line2', city: 'city', state: 'state', zip: 'zip',
};

/** The first field in which `row` differs from `first`, as a message; undefined if none. */
function conflict(first: RosterRow, row: RosterRow, fields: readonly (keyof RosterRow)[], what: string): string | undefined {
  for (const f of fields) {
    if (first[f] !== row[f]) {
      const show = (v: unknown): string => (v === undefined ? '(empty)' : JSON.stringify(v));
      return `${HEADER[f]} ${show(row[f])} contradicts line ${first.line} (${show(first[f])}) for the same ${what}`;
    }
  }
  return undefined;
}

/** The latest source change over `rows`, or undefined (= the file's time) when a row has none. */
function latestChange(rows: readonly RosterRow[]): string | undefined {
  let latest = '';
  for (const r of rows) {
    if (r.sourceLastChanged === undefined) return undefined;
    if (r.sourceLastChanged > latest) latest = r.sourceLastChanged;
  }
  return latest;
}

interface Group { readonly key: string; readonly rows: RosterRow[] }

export function mergeRows(rows: readonly RosterRow[], today: string): MergedRoster {
  const rejected: RejectedRow[] = [];
  const practitioners = new Map<string, Group>();
  const locations = new Map<string, Group>();
  const roles = new Map<string, { row: RosterRow; locKey: string }>();
  const roleIds = new Set<string>();
  for (const row of rows) {
    const locKey = locationKey(row);
    const id = roleId(row.npi, locKey, row.networkId);
    const sameRole = roles.get(id);
    const p = practitioners.get(row.npi);
    const l = locations.get(locKey);
    const reason = sameRole !== undefined
      ? `repeats line ${sameRole.row.line} (same npi, location and network_id)`
      : (p && conflict(p.rows[0]!, row, PRACTITIONER_FIELDS, `npi ${row.npi}`))
        ?? (l && row.locationId !== undefined ? conflict(l.rows[0]!, row, LOCATION_FIELDS, `location_id ${row.locationId}`) : undefined)
        ?? (l && row.locationId === undefined ? conflict(l.rows[0]!, row, ['locationName'], 'address') : undefined);
    roleIds.add(id);
    if (reason !== undefined) {
      rejected.push({ line: row.line, reason });
      continue;
    }
    roles.set(id, { row, locKey });
    if (p) p.rows.push(row); else practitioners.set(row.npi, { key: row.npi, rows: [row] });
    if (l) l.rows.push(row); else locations.set(locKey, { key: locKey, rows: [row] });
  }

  const resources: PlannedResource[] = [];
  const lines = (g: Group): number[] => g.rows.map((r) => r.line);
  for (const g of locations.values()) {
    resources.push({ resource: buildLocation(g.rows[0]!, g.key), lines: lines(g), requires: [], sourceChanged: latestChange(g.rows) });
  }
  for (const g of practitioners.values()) {
    // Sorted, so that the same roster in another row order gives the same Practitioner.
    const languages = [...new Set(g.rows.flatMap((r) => r.languages))].sort();
    resources.push({ resource: buildPractitioner(g.rows[0]!, languages), lines: lines(g), requires: [], sourceChanged: latestChange(g.rows) });
  }
  for (const [id, { row, locKey }] of roles) {
    const locId = locationResourceId(locKey);
    resources.push({
      resource: buildPractitionerRole(row, id, locId),
      lines: [row.line],
      ...(roleHasEnded(row, today) ? { end: true } : {}),
      requires: [`Practitioner/${practitionerId(row.npi)}`, `Location/${locId}`],
      sourceChanged: row.sourceLastChanged,
    });
  }
  return { resources, rejected, roleIds };
}
