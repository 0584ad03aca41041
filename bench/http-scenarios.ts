/** The HTTP scenarios of the benchmark, as paths under a FHIR base (production environment). */
export interface Scenario {
  readonly name: string;
  /** The request (and the one whose bytes the raw server returns). */
  readonly path: string;
  /** When set, each request takes a fresh path from here instead (same shape of response). */
  readonly nextPath?: () => string;
}

import { countsFor } from './plannet-dataset.js';

const NUCC = 'http://nucc.org/provider-taxonomy';

/** Scenarios for a data set built by plannetDataset of `size` (ids and values it is known to contain). */
export function scenarios(size: number): Scenario[] {
  const practitioners = countsFor(size).practitioners;
  return [
    { name: 'read by id', path: '/Practitioner/pr-1234' },
    // Reads spread over the whole data set: page-cache misses included, no hot row.
    { name: 'read by random id', path: '/Practitioner/pr-1234', nextPath: () => `/Practitioner/pr-${Math.floor(Math.random() * practitioners)}` },
    { name: 'token search', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207RC0000X`)}&_count=10` },
    { name: 'two-level chain', path: '/PractitionerRole?location.organization.name=Lihue&_count=10' },
    { name: 'search + 2 _include', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207RC0000X`)}&_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_count=10` },
  ];
}
