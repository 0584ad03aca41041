/**
 * Generated data and queries for the oracle suite: many resources with deliberately
 * overlapping, missing and multi-valued fields, and query strings drawn from templates that
 * cover every parameter type, modifier and prefix, chains and `_has`.
 */
const NUCC = 'http://nucc.org/provider-taxonomy';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const UCUM = 'http://unitsofmeasure.org';
const CITIES: [string, string, number, number][] = [
  ['Hilo', '96720', 19.73, -155.09], ['Kailua-Kona', '96740', 19.64, -156.0], ['Honolulu', '96813', 21.31, -157.86], ['Lihue', '96766', 21.98, -159.37],
];
const FAMILY = ['Kealoha', 'Kent', 'Núñez', 'Smith', 'Kim', 'Keanu', "O'Brien", 'Ng'];
const GIVEN = ['Leilani', 'Kai', 'José', 'Ana', 'Mei'];
const SPECIALTY: [string, string][] = [['207Q00000X', 'Family Medicine'], ['207R00000X', 'Internal Medicine'], ['208000000X', 'Pediatrics']];
const GENDERS = ['male', 'female', 'other'];
const DATES = ['2019', '2019-06', '2019-06-15', '2020-01-01T10:00:00Z', '2020-02-29', '2021-12-31T23:59:59.999Z', '2020'];

export type Rnd = () => number;

export function prng(seed: number): Rnd {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const maybe = <T>(rnd: Rnd, p: number, make: () => T): T | undefined => (rnd() < p ? make() : undefined);

/** Resources of five related types; undefined fields are left out. */
export function oracleResources(rnd: Rnd, n: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const strip = (r: Record<string, unknown>) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
  for (let i = 0; i < 6; i++) out.push(strip({ resourceType: 'Organization', id: `org-${i}`, name: `${pick(rnd, CITIES)[0]} Clinic ${i}`, active: maybe(rnd, 0.7, () => rnd() < 0.8) }));
  for (let i = 0; i < 10; i++) {
    const [city, zip, lat, lon] = pick(rnd, CITIES);
    out.push(strip({ resourceType: 'Location', id: `loc-${i}`, address: maybe(rnd, 0.9, () => ({ city, postalCode: zip })),
      position: maybe(rnd, 0.8, () => ({ latitude: lat + (rnd() - 0.5) * 0.4, longitude: lon + (rnd() - 0.5) * 0.4 })),
      managingOrganization: maybe(rnd, 0.8, () => ({ reference: `Organization/org-${Math.floor(rnd() * 6)}` })) }));
  }
  for (let i = 0; i < n; i++) {
    out.push(strip({ resourceType: 'Practitioner', id: `pr-${i}`, gender: maybe(rnd, 0.85, () => pick(rnd, GENDERS)), active: maybe(rnd, 0.7, () => rnd() < 0.7),
      name: maybe(rnd, 0.9, () => [{ family: pick(rnd, FAMILY), given: [pick(rnd, GIVEN)] }, ...(rnd() < 0.2 ? [{ family: pick(rnd, FAMILY) }] : [])]),
      identifier: maybe(rnd, 0.7, () => [{ system: rnd() < 0.8 ? NPI : undefined, value: String(100 + Math.floor(rnd() * 20)) }]) }));
  }
  for (let i = 0; i < n; i++) {
    const [code, display] = pick(rnd, SPECIALTY);
    out.push(strip({ resourceType: 'PractitionerRole', id: `role-${i}`, active: maybe(rnd, 0.8, () => rnd() < 0.7),
      practitioner: maybe(rnd, 0.9, () => ({ reference: `Practitioner/pr-${Math.floor(rnd() * n)}` })),
      organization: maybe(rnd, 0.7, () => ({ reference: `Organization/org-${Math.floor(rnd() * 6)}` })),
      location: maybe(rnd, 0.8, () => [{ reference: `Location/loc-${Math.floor(rnd() * 10)}` }, ...(rnd() < 0.3 ? [{ reference: `Location/loc-${Math.floor(rnd() * 10)}` }] : [])]),
      specialty: maybe(rnd, 0.85, () => [{ coding: [{ system: rnd() < 0.9 ? NUCC : undefined, code, display }] }]) }));
  }
  for (let i = 0; i < n; i++) {
    const effective = pick(rnd, DATES);
    out.push(strip({ resourceType: 'Observation', id: `obs-${i}`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: pick(rnd, ['1-8', '2-6', '3-4']) }] },
      performer: maybe(rnd, 0.9, () => [{ reference: `Practitioner/pr-${Math.floor(rnd() * n)}` }]),
      ...(rnd() < 0.2 ? { effectivePeriod: { start: effective, end: maybe(rnd, 0.5, () => '2022-01-01') } } : rnd() < 0.9 ? { effectiveDateTime: effective } : {}),
      valueQuantity: maybe(rnd, 0.85, () => ({ value: pick(rnd, [1, 1.5, 2, 10, 10.25, 99.5, 100, 120]), system: UCUM, code: pick(rnd, ['mg', 'kg']), unit: 'u' })) }));
  }
  return out;
}

/** Query strings for the generated data; each is answered by SQL and by the matcher. */
export function oracleQueries(rnd: Rnd, count: number): string[] {
  const prefix = () => pick(rnd, ['', 'eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap']);
  const namePart = () => { const n = pick(rnd, [...FAMILY, ...GIVEN]); return n.slice(0, 1 + Math.floor(rnd() * n.length)); };
  const templates: (() => string)[] = [
    () => `Practitioner?name=${enc(namePart())}`,
    () => `Practitioner?name:contains=${enc(pick(rnd, ['e', 'al', 'ñ', 'an', "'"]))}`,
    () => `Practitioner?family:exact=${enc(pick(rnd, FAMILY))}`,
    () => `Practitioner?gender=${pick(rnd, GENDERS)},${pick(rnd, GENDERS)}`,
    () => `Practitioner?gender:not=${pick(rnd, GENDERS)}`,
    () => `Practitioner?gender:missing=${pick(rnd, ['true', 'false'])}`,
    () => `Practitioner?active=${pick(rnd, ['true', 'false'])}&name=${enc(namePart())}`,
    () => `Practitioner?identifier=${pick(rnd, [`${NPI}|`, '|', ''])}${100 + Math.floor(rnd() * 20)}`,
    () => `Practitioner?_has:PractitionerRole:practitioner:specialty=${pick(rnd, SPECIALTY)[0]}`,
    () => `Practitioner?_has:Observation:performer:value-quantity=${prefix()}${pick(rnd, ['10', '100', '1.5'])}`,
    () => `PractitionerRole?specialty=${pick(rnd, [`${NUCC}|`, '', '|'])}${pick(rnd, SPECIALTY)[0]}`,
    () => `PractitionerRole?specialty:text=${enc(pick(rnd, ['fam', 'Internal', 'ped']))}`,
    () => `PractitionerRole?location.address-city=${enc(pick(rnd, CITIES)[0])}`,
    () => `PractitionerRole?practitioner.name=${enc(namePart())}&active=true`,
    () => `PractitionerRole?location.organization.name=${enc(pick(rnd, CITIES)[0])}`,
    () => `PractitionerRole?location:missing=${pick(rnd, ['true', 'false'])}`,
    () => `PractitionerRole?practitioner=pr-${Math.floor(rnd() * 20)},Practitioner/pr-${Math.floor(rnd() * 20)}`,
    () => `Location?near=${pick(rnd, CITIES)[2]}|${pick(rnd, CITIES)[3]}|${pick(rnd, [5, 30, 200])}|km`,
    () => `Location?address-postalcode=${pick(rnd, ['967', '968', '96720'])}`,
    () => `Organization?_has:Location:organization:_has:PractitionerRole:location:specialty=${pick(rnd, SPECIALTY)[0]}`,
    () => `Observation?date=${prefix()}${enc(pick(rnd, DATES))}`,
    () => `Observation?value-quantity=${prefix()}${pick(rnd, ['1', '1.5', '10', '10.2', '100', '100.0'])}${pick(rnd, ['', `|${UCUM}|mg`, '||kg'])}`,
    () => `Observation?date=ge2019-06&date=lt2021`,
    () => `Observation?performer:Practitioner.gender=${pick(rnd, GENDERS)}`,
  ];
  return Array.from({ length: count }, () => pick(rnd, templates)());
}

const enc = (s: string) => encodeURIComponent(s);
