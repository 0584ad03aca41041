/**
 * Deterministic ids, so that importing a roster again finds the resources it made last time:
 * the Practitioner from the NPI, the Location from the plan's location id or else the address,
 * the PractitionerRole from NPI + location + network (a roster has one row per such triple).
 */
import { createHash } from 'node:crypto';
import type { RosterRow } from './roster-columns.js';

const hash = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length);

/** Upper case, punctuation dropped, runs of spaces collapsed: `123 Main St.` = `123  MAIN ST`. */
const squash = (text: string | undefined): string => (text ?? '').toUpperCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();

/** What identifies the row's location: the plan's own location id when given, else the address. */
export function locationKey(row: RosterRow): string {
  if (row.locationId !== undefined) return `id:${row.locationId}`;
  return `addr:${[row.addressLine1, row.addressLine2, row.city, row.state, row.zip.slice(0, 5)].map(squash).join('|')}`;
}

export const practitionerId = (npi: string): string => `npi-${npi}`;

export const locationResourceId = (key: string): string => `loc-${hash(key, 32)}`;

export const roleId = (npi: string, locKey: string, networkId: string): string => `role-${npi}-${hash(`${locKey}\n${networkId}`, 24)}`;
