/**
 * Prints index extraction throughput on generated Plan-Net PractitionerRoles (one core).
 *   node --conditions=source --import tsx packages/fhir/src/indexing/bench-extraction.ts [count] [--fhirpath-only]
 * Not a test: timings depend on the machine. DESIGN.md asks for ≥ 20,000 resources/s.
 */
import { createIndexer } from './indexer.js';
import { loadTestDefs } from './test-defs.js';

const NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference';
const TAXONOMY = 'http://nucc.org/provider-taxonomy';
const SPECIALTIES = [['207R00000X', 'Internal Medicine Physician'], ['208D00000X', 'General Practice Physician'], ['207Q00000X', 'Family Medicine Physician']];

/** A PractitionerRole shaped like the Plan-Net examples (~1.5 KB of JSON, no narrative). */
export function practitionerRole(i: number): Record<string, unknown> {
  const [code, display] = SPECIALTIES[i % SPECIALTIES.length]!;
  return {
    resourceType: 'PractitionerRole',
    id: `role-${i}`,
    meta: { lastUpdated: '2024-05-01T10:00:00.000Z', profile: ['http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-PractitionerRole'] },
    extension: [
      { url: NET, valueReference: { reference: `Organization/net-${i % 7}` } },
      { url: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients', extension: [{ url: 'acceptingPatients', valueCodeableConcept: { coding: [{ code: 'newpt' }] } }] },
    ],
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: String(1000000000 + i) }],
    active: true,
    period: { start: '2020-01-01', end: '2030-12-31' },
    practitioner: { reference: `Practitioner/pract-${i}`, display: `Dr. Someone ${i}` },
    organization: { reference: `Organization/org-${i % 50}` },
    code: [{ coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS', code: 'ph', display: 'Physician' }] }],
    specialty: [{ coding: [{ system: TAXONOMY, code, display }] }],
    location: [{ reference: `Location/loc-${i % 100}` }, { reference: `Location/loc-${(i + 1) % 100}` }],
    healthcareService: [{ reference: `HealthcareService/svc-${i % 20}` }],
    telecom: [
      { system: 'phone', value: `(555) 555-${String(i % 10000).padStart(4, '0')}`, use: 'work' },
      { system: 'email', value: `role${i}@example.org` },
    ],
    endpoint: [{ reference: `Endpoint/ep-${i % 10}` }],
  };
}

function main(): void {
  const count = Number(process.argv[2]?.startsWith('--') ? 10_000 : process.argv[2] ?? 10_000);
  const defs = loadTestDefs();
  const fastPaths = !process.argv.includes('--fhirpath-only');
  const indexer = createIndexer(defs, defs.resourceTypes, { fastPaths });
  const resources = Array.from({ length: count }, (_, i) => practitionerRole(i));
  for (let i = 0; i < 2000; i++) indexer.extract(resources[i % count]!); // warm-up (JIT, compile)
  // Five passes; the median is robust to a busy shared machine.
  const rates: number[] = [];
  let rows = 0;
  for (let pass = 0; pass < 5; pass++) {
    rows = 0;
    const start = process.hrtime.bigint();
    for (const r of resources) rows += indexer.extract(r).length;
    rates.push(count / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const median = rates[2]!;
  // A terminal program, but it lives beside the code it measures: write to stdout directly.
  process.stdout.write(`${fastPaths ? '' : '[fhirpath.js only] '}${count} PractitionerRoles (${rows} rows each pass): median ${Math.round(median)} resources/s ` +
    `(${Math.round(median * rows / count)} rows/s); passes ${rates.map(Math.round).join(', ')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
