/** The HTTP scenarios of the benchmark, as paths under a FHIR base (production environment). */
export interface Scenario {
  readonly name: string;
  /** The request (and the one whose bytes the raw server returns). */
  readonly path: string;
  /** When set, each request takes a fresh path from here instead (same shape of response). */
  readonly nextPath?: () => string;
}

import { plannedCounts } from '@payerport/data';

const NUCC = 'http://nucc.org/provider-taxonomy';

/** Scenarios for the synthetic directory of `size` (ids and values it is known to contain). */
export function scenarios(size: number): Scenario[] {
  const practitioners = plannedCounts({ size }).Practitioner;
  const practitioner = (n: number) => `/Practitioner/pr-${String(n).padStart(6, '0')}`;
  return [
    { name: 'read by id', path: practitioner(1234) },
    // Reads spread over the whole data set: page-cache misses included, no hot row.
    { name: 'read by random id', path: practitioner(1234), nextPath: () => practitioner(1 + Math.floor(Math.random() * practitioners)) },
    { name: 'token search', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207RC0000X`)}&_count=10` },
    { name: 'two-level chain', path: '/PractitionerRole?location.organization.name=Hilo&_count=10' },
    { name: 'search + 2 _include', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207RC0000X`)}&_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_count=10` },
    // Plan-Net questions (docs/provider-directory.md) at scale.
    { name: 'directory: specialty + city + 2 _include', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207Q00000X`)}&location.address-city=Hilo&_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_count=10` },
    { name: 'directory: near', path: `/Location?near=${encodeURIComponent('19.7297|-155.09|5|km')}&_count=10` },
    { name: 'directory: _has', path: `/Organization?_has:PractitionerRole:network:practitioner=pr-001234` },
  ];
}
