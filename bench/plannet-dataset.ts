/**
 * Plan-Net-shaped data sets for benchmarks: organizations, locations, practitioners,
 * practitioner roles, healthcare services and endpoints in realistic proportions and shapes
 * (references between them, NUCC specialties, Hawaii addresses with coordinates). Seeded, so a
 * size always gives the same resources. The sandbox's richer synthetic directory is a separate,
 * later piece of work; this one exists to load a million resources fast.
 */
const NUCC = 'http://nucc.org/provider-taxonomy';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const PLANNET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition';

const CITIES: readonly [string, string, number, number][] = [
  ['Hilo', '96720', 19.7297, -155.09], ['Kailua-Kona', '96740', 19.64, -155.9969], ['Honolulu', '96813', 21.3069, -157.8583],
  ['Kahului', '96732', 20.8893, -156.4729], ['Lihue', '96766', 21.9811, -159.3711], ['Pearl City', '96782', 21.3972, -157.9752],
  ['Kaneohe', '96744', 21.4022, -157.7994], ['Waimea', '96743', 20.0228, -155.6717], ['Kihei', '96753', 20.7644, -156.445],
  ['Wailuku', '96793', 20.8911, -156.5047], ['Kapolei', '96707', 21.3358, -158.0864], ['Mililani', '96789', 21.4511, -158.0147],
];
const SPECIALTIES: readonly [string, string][] = [
  ['207Q00000X', 'Family Medicine'], ['207R00000X', 'Internal Medicine'], ['208000000X', 'Pediatrics'],
  ['207V00000X', 'Obstetrics & Gynecology'], ['2084P0800X', 'Psychiatry'], ['207RC0000X', 'Cardiovascular Disease'],
  ['207N00000X', 'Dermatology'], ['207X00000X', 'Orthopaedic Surgery'], ['208D00000X', 'General Practice'], ['363L00000X', 'Nurse Practitioner'],
];
const FAMILY = ['Kealoha', 'Nakamura', 'Santos', 'Kim', 'Smith', 'Kahale', 'Lee', 'Garcia', 'Wong', 'Silva', 'Akana', 'Tanaka', 'Reyes', 'Chang', 'Kapono'];
const GIVEN = ['Leilani', 'Kai', 'Maria', 'John', 'Keanu', 'Mei', 'David', 'Ana', 'Noelani', 'Kenji', 'Sarah', 'Makoa', 'Grace', 'Luis'];

/** Mulberry32: a tiny seeded PRNG so every run builds the same data set. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DatasetCounts {
  organizations: number; locations: number; practitioners: number; roles: number; services: number; endpoints: number;
}

/** Proportions of a Plan-Net directory of `total` resources. */
export function countsFor(total: number): DatasetCounts {
  const part = (f: number) => Math.max(1, Math.floor(total * f));
  return { organizations: part(0.08), locations: part(0.12), practitioners: part(0.3), roles: part(0.4), services: part(0.05), endpoints: part(0.05) };
}

/** Yields the data set's resources, referenced ones first. */
export function* plannetDataset(total: number, seed = 42): Generator<Record<string, unknown>> {
  const n = countsFor(total);
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const meta = (profile: string) => ({ profile: [`${PLANNET}/${profile}`] });

  for (let i = 0; i < n.endpoints; i++) {
    yield { resourceType: 'Endpoint', id: `ep-${i}`, meta: meta('plannet-Endpoint'), status: 'active',
      connectionType: { system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type', code: 'hl7-fhir-rest' },
      payloadType: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/endpoint-payload-type', code: 'any' }] }],
      address: `https://fhir.example.org/ep/${i}` };
  }
  for (let i = 0; i < n.organizations; i++) {
    const [city, zip] = pick(CITIES);
    yield { resourceType: 'Organization', id: `org-${i}`, meta: meta('plannet-Organization'), active: true,
      name: `${city} ${pick(['Clinic', 'Medical Group', 'Health Center', 'Hospital', 'Pharmacy'])} ${i}`,
      identifier: [{ system: NPI, value: String(1_000_000_000 + i) }],
      type: [{ coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/OrgTypeCS', code: 'prvgrp' }] }],
      address: [{ line: [`${i} Kamehameha Ave`], city, state: 'HI', postalCode: zip }],
      endpoint: [{ reference: `Endpoint/ep-${i % n.endpoints}` }] };
  }
  for (let i = 0; i < n.locations; i++) {
    const [city, zip, lat, lon] = pick(CITIES);
    yield { resourceType: 'Location', id: `loc-${i}`, meta: meta('plannet-Location'), status: 'active', name: `${city} office ${i}`,
      address: { line: [`${100 + (i % 900)} Main St`], city, state: 'HI', postalCode: zip },
      position: { latitude: lat + (rnd() - 0.5) * 0.2, longitude: lon + (rnd() - 0.5) * 0.2 },
      managingOrganization: { reference: `Organization/org-${i % n.organizations}` },
      telecom: [{ system: 'phone', value: `808-555-${String(i % 10000).padStart(4, '0')}` }] };
  }
  for (let i = 0; i < n.practitioners; i++) {
    yield { resourceType: 'Practitioner', id: `pr-${i}`, meta: meta('plannet-Practitioner'), active: true,
      identifier: [{ system: NPI, value: String(1_500_000_000 + i) }],
      name: [{ family: pick(FAMILY), given: [pick(GIVEN)], prefix: ['Dr.'] }], gender: rnd() < 0.5 ? 'female' : 'male',
      qualification: [{ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0360', code: 'MD' }] } }] };
  }
  for (let i = 0; i < n.services; i++) {
    const [code, display] = pick(SPECIALTIES);
    yield { resourceType: 'HealthcareService', id: `hs-${i}`, meta: meta('plannet-HealthcareService'), active: true,
      providedBy: { reference: `Organization/org-${i % n.organizations}` },
      location: [{ reference: `Location/loc-${i % n.locations}` }],
      specialty: [{ coding: [{ system: NUCC, code, display }] }], name: `${display} service ${i}` };
  }
  for (let i = 0; i < n.roles; i++) {
    const [code, display] = pick(SPECIALTIES);
    yield { resourceType: 'PractitionerRole', id: `role-${i}`, meta: meta('plannet-PractitionerRole'), active: true,
      practitioner: { reference: `Practitioner/pr-${i % n.practitioners}` },
      organization: { reference: `Organization/org-${i % n.organizations}` },
      location: [{ reference: `Location/loc-${Math.floor(rnd() * n.locations)}` }],
      healthcareService: [{ reference: `HealthcareService/hs-${i % n.services}` }],
      specialty: [{ coding: [{ system: NUCC, code, display }] }],
      endpoint: [{ reference: `Endpoint/ep-${i % n.endpoints}` }],
      telecom: [{ system: 'phone', value: `808-555-${String(i % 10000).padStart(4, '0')}` }] };
  }
}
