/**
 * Maps roster rows to Plan-Net resources. One row gives one PractitionerRole; the Practitioner
 * and the Location are shared by every row naming the same NPI / location, so they are built
 * from the first such row (plus the union of languages for the Practitioner).
 * https://hl7.org/fhir/us/davinci-pdex-plan-net/STU1.1/profiles.html
 */
import type { RosterRow } from './roster-columns.js';
import { EXTENSION, PROFILE, SYSTEM } from './plannet-terms.js';
import { locationResourceId, practitionerId } from './resource-ids.js';

type Json = Record<string, unknown>;

const npiIdentifier = (npi: string): Json => ({
  use: 'official',
  type: { coding: [{ system: SYSTEM.identifierType, code: 'NPI' }] },
  system: SYSTEM.npi,
  value: npi,
});

/** Practitioner from `row`; `languages` is the union over all the practitioner's rows. */
export function buildPractitioner(row: RosterRow, languages: readonly string[]): Json {
  const given = [row.firstName, ...(row.middleName ? [row.middleName] : [])];
  const text = [...given, row.lastName].join(' ') + (row.suffix ? `, ${row.suffix}` : '');
  return {
    resourceType: 'Practitioner',
    id: practitionerId(row.npi),
    meta: { profile: [PROFILE.practitioner] },
    identifier: [npiIdentifier(row.npi)],
    active: true,
    name: [{ use: 'official', text, family: row.lastName, given, ...(row.suffix ? { suffix: [row.suffix] } : {}) }],
    ...(row.gender ? { gender: row.gender } : {}),
    ...(languages.length > 0 ? { communication: languages.map((code) => ({ coding: [{ system: SYSTEM.bcp47, code }] })) } : {}),
  };
}

export function buildLocation(row: RosterRow, key: string): Json {
  const line = [row.addressLine1, ...(row.addressLine2 ? [row.addressLine2] : [])];
  return {
    resourceType: 'Location',
    id: locationResourceId(key),
    meta: { profile: [PROFILE.location] },
    ...(row.locationId ? { identifier: [{ use: 'secondary', value: row.locationId }] } : {}),
    status: 'active',
    name: row.locationName,
    address: { use: 'work', type: 'physical', line, city: row.city, state: row.state, postalCode: row.zip, country: 'US' },
  };
}

/**
 * The row's PractitionerRole, always `active: true` (Plan-Net pins it). A role whose
 * effective_end has passed is still built whole — the importer writes it as the role's final,
 * end-dated version and then deletes it (see `roleHasEnded` and end-date-absent.ts).
 */
export function buildPractitionerRole(row: RosterRow, id: string, locationId: string): Json {
  const network = { reference: `Organization/${row.networkId}` };
  return {
    resourceType: 'PractitionerRole',
    id,
    meta: { profile: [PROFILE.practitionerRole] },
    extension: [
      {
        url: EXTENSION.newPatients,
        extension: [
          { url: 'acceptingPatients', valueCodeableConcept: { coding: [{ system: SYSTEM.acceptingPatients, code: row.acceptingPatients }] } },
          { url: 'fromNetwork', valueReference: network },
        ],
      },
      { url: EXTENSION.networkReference, valueReference: network },
    ],
    active: true,
    period: { start: row.effectiveStart, ...(row.effectiveEnd ? { end: row.effectiveEnd } : {}) },
    practitioner: { reference: `Practitioner/${practitionerId(row.npi)}` },
    ...(row.roleCode ? { code: [{ coding: [{ system: SYSTEM.providerRole, code: row.roleCode }] }] } : {}),
    specialty: row.specialties.map((code) => ({ coding: [{ system: SYSTEM.nucc, code }] })),
    location: [{ reference: `Location/${locationId}` }],
    telecom: [{ system: 'phone', value: row.phone, use: 'work' }],
  };
}

/** True when the row's effective_end is before `today` (YYYY-MM-DD): the role has left the network. */
export const roleHasEnded = (row: RosterRow, today: string): boolean => row.effectiveEnd !== undefined && row.effectiveEnd < today;
