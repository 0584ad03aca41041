/**
 * Bulk-load throughput of the store: a generated Plan-Net-shaped provider directory
 * (Practitioner, Organization, Location, PractitionerRole; ~0.7–1.6 KB each) through
 * `store.bulkLoad`, on SQLite (a temporary file) and, when DATABASE_URL is set, PostgreSQL (a
 * temporary schema). Each dialect is measured twice: with the real indexer (FHIRPath
 * extraction of every active SearchParameter) and with an indexer that yields no rows, which
 * separates storage cost from extraction cost.
 *
 *   node --conditions=source --import tsx bench/load.ts [count=50000] [batchSize=1000]
 *
 * Definitions come from FHIR_PACKAGES (default /work/shared/fhir-packages), never downloaded.
 * Target (DESIGN.md): ≥ 10,000 resources/s on SQLite with the real indexer.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIndexer, indexedParams, loadRegistry, type Indexer } from '@payerport/fhir';
import { createStore, type IndexedParam, type StoreOptions } from '@payerport/store';
import pg from 'pg';

type Json = Record<string, unknown>;

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition';
const TAXONOMY = 'http://nucc.org/provider-taxonomy';
const SPECIALTIES = [['207R00000X', 'Internal Medicine Physician'], ['208D00000X', 'General Practice Physician'], ['207Q00000X', 'Family Medicine Physician']];
const CITIES = [['Honolulu', '96813', 21.3069, -157.8583], ['Hilo', '96720', 19.7241, -155.0868], ['Kona', '96740', 19.6400, -155.9969]] as const;
const FAMILIES = ['Kealoha', 'Nakamura', 'Silva', 'Kent', 'Nuñez', 'Smith', 'Akana', 'Wong'];
const GIVEN = ['Leilani', 'Ana', 'José', 'Kai', 'Mele', 'Noa', 'Keanu', 'Malia'];

const meta = (profile: string): Json => ({ lastUpdated: '2024-05-01T10:00:00.000Z', profile: [`${PLAN_NET}/${profile}`] });
const phone = (i: number): Json => ({ system: 'phone', value: `(808) 555-${String(i % 10000).padStart(4, '0')}`, use: 'work' });
const address = (i: number): Json => {
  const [city, zip] = CITIES[i % CITIES.length]!;
  return { line: [`${100 + (i % 900)} Kapiolani Blvd`], city, state: 'HI', postalCode: zip, country: 'US' };
};

function organization(i: number): Json {
  return {
    resourceType: 'Organization', id: `org-${i}`, meta: meta('plannet-Organization'), active: true,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: String(1_200_000_000 + i) }],
    type: [{ coding: [{ system: `${PLAN_NET.replace('StructureDefinition', 'CodeSystem')}/OrgTypeCS`, code: 'prvgrp', display: 'Provider Group' }] }],
    name: `Island Health Group ${i}`, telecom: [phone(i)], address: [address(i)],
  };
}

function location(i: number): Json {
  const [, , latitude, longitude] = CITIES[i % CITIES.length]!;
  return {
    resourceType: 'Location', id: `loc-${i}`, meta: meta('plannet-Location'), status: 'active',
    name: `Clinic ${i}`, telecom: [phone(i)], address: address(i),
    position: { latitude: latitude + (i % 100) / 1000, longitude: longitude - (i % 100) / 1000 },
    managingOrganization: { reference: `Organization/org-${i % 500}` },
    hoursOfOperation: [{ daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri'], openingTime: '08:00:00', closingTime: '17:00:00' }],
  };
}

function practitioner(i: number): Json {
  return {
    resourceType: 'Practitioner', id: `pract-${i}`, meta: meta('plannet-Practitioner'), active: true,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: String(1_000_000_000 + i) }],
    name: [{ use: 'official', family: FAMILIES[i % FAMILIES.length], given: [GIVEN[(i >> 3) % GIVEN.length]], prefix: ['Dr.'] }],
    gender: i % 2 ? 'male' : 'female', telecom: [phone(i)], address: [address(i)],
    qualification: [{
      code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0360', code: 'MD', display: 'Doctor of Medicine' }] },
      issuer: { display: 'State of Hawaii' },
      extension: [{ url: `${PLAN_NET}/practitioner-qualification`, extension: [{ url: 'status', valueCode: 'active' }] }],
    }],
    communication: [{ coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }],
  };
}

function practitionerRole(i: number): Json {
  const [code, display] = SPECIALTIES[i % SPECIALTIES.length]!;
  return {
    resourceType: 'PractitionerRole', id: `role-${i}`, meta: meta('plannet-PractitionerRole'),
    extension: [
      { url: `${PLAN_NET}/network-reference`, valueReference: { reference: `Organization/org-${i % 7}` } },
      { url: `${PLAN_NET}/newpatients`, extension: [{ url: 'acceptingPatients', valueCodeableConcept: { coding: [{ code: 'newpt' }] } }] },
    ],
    active: true, period: { start: '2020-01-01', end: '2030-12-31' },
    practitioner: { reference: `Practitioner/pract-${i}`, display: `Dr. ${FAMILIES[i % FAMILIES.length]}` },
    organization: { reference: `Organization/org-${i % 500}` },
    code: [{ coding: [{ system: `${PLAN_NET.replace('StructureDefinition', 'CodeSystem')}/ProviderRoleCS`, code: 'ph', display: 'Physician' }] }],
    specialty: [{ coding: [{ system: TAXONOMY, code, display }] }],
    location: [{ reference: `Location/loc-${i % 2000}` }, { reference: `Location/loc-${(i + 1) % 2000}` }],
    healthcareService: [{ reference: `HealthcareService/svc-${i % 20}` }],
    telecom: [phone(i), { system: 'email', value: `role${i}@example.org` }],
    endpoint: [{ reference: `Endpoint/ep-${i % 10}` }],
  };
}

/** `count` resources: 40 % roles, 40 % practitioners, 15 % locations, 5 % organizations. */
function* directory(count: number): Generator<Json> {
  for (let i = 0; i < count; i++) {
    const k = i % 20;
    const n = Math.floor(i / 20);
    if (k < 8) yield practitionerRole(n * 8 + k);
    else if (k < 16) yield practitioner(n * 8 + k - 8);
    else if (k < 19) yield location(n * 3 + k - 16);
    else yield organization(n);
  }
}

interface Run { dialect: string; indexer: string; seconds: number; cpuSeconds: number; count: number; rows: number }

async function measure(label: string, options: StoreOptions, count: number, batchSize: number, cleanup: () => Promise<void>): Promise<Run> {
  const store = await createStore(options);
  try {
    await store.ensureEnvironment('bench');
    const resources = [...directory(count)]; // generated up front: only loading is timed
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const loaded = await store.bulkLoad('bench', resources, { batchSize });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    let rows = 0;
    for (const table of ['idx_string', 'idx_token', 'idx_reference', 'idx_date', 'idx_number', 'idx_quantity', 'idx_uri', 'idx_position']) {
      rows += Number((await store.sql.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
    }
    return { dialect: store.dialect, indexer: label, seconds, cpuSeconds: (used.user + used.system) / 1e6, count: loaded, rows };
  } finally {
    await store.close();
    await cleanup();
  }
}

async function realIndexer(): Promise<{ indexer: Indexer; paramTypes: IndexedParam[] } | string> {
  try {
    const registry = await loadRegistry({ packageDirs: [process.env.FHIR_PACKAGES || '/work/shared/fhir-packages'], download: false });
    return { indexer: createIndexer(registry, registry.resourceTypes()), paramTypes: indexedParams(registry) };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 50_000);
  const batchSize = Number(process.argv[3] ?? 1000);
  const real = await realIndexer();
  const indexers: [string, Indexer, IndexedParam[]][] = [['none', { extract: () => [] }, []]];
  if (typeof real === 'string') console.log(`real indexer unavailable (${real}); measuring storage only`);
  else indexers.unshift(['fhirpath', real.indexer, real.paramTypes]);

  const runs: Run[] = [];
  for (const [label, indexer, paramTypes] of indexers) {
    const dir = mkdtempSync(join(tmpdir(), 'payerport-bench-'));
    runs.push(await measure(label, { sqlitePath: join(dir, 'bench.sqlite'), indexer, paramTypes }, count, batchSize,
      async () => rmSync(dir, { recursive: true, force: true })));
    const url = process.env.DATABASE_URL;
    if (url) {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      runs.push(await measure(label, { databaseUrl: url, pgSchema: schema, indexer, paramTypes }, count, batchSize, async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }));
    }
  }
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL unset: PostgreSQL not measured');
  for (const r of runs) {
    console.log(`${r.dialect.padEnd(8)} indexer=${r.indexer.padEnd(8)} ${r.count} resources, ${r.rows} index rows, ` +
      `${r.seconds.toFixed(2)} s: ${Math.round(r.count / r.seconds)} resources/s ` +
      `(node CPU ${r.cpuSeconds.toFixed(2)} s: ${Math.round(r.count / r.cpuSeconds)} per CPU-second)`);
  }
  // Other processes on a small machine change wall-clock figures a lot; CPU-seconds of this
  // process vary less (for PostgreSQL they leave out the server's own work).
  console.log(`load average after the run: ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`);
}

await main();
