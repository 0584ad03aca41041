/** The HTTP scenarios of the benchmark, as paths under a FHIR base (production environment). */
export interface Scenario {
  readonly name: string;
  readonly path: string;
}

const NUCC = 'http://nucc.org/provider-taxonomy';

/** Scenarios for a data set built by plannetDataset (ids and values it is known to contain). */
export function scenarios(): Scenario[] {
  return [
    { name: 'read by id', path: '/Practitioner/pr-1234' },
    { name: 'token search', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207RC0000X`)}&_count=10` },
    { name: 'two-level chain', path: '/PractitionerRole?location.organization.name=Lihue&_count=10' },
    { name: 'search + 2 _include', path: `/PractitionerRole?specialty=${encodeURIComponent(`${NUCC}|207RC0000X`)}&_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_count=10` },
  ];
}
