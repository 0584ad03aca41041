/**
 * Test helpers for roster imports (tests only): valid NPIs, roster CSV text from a few fields
 * per row, and a store of the dialect under test with the real Plan-Net indexer and two
 * networks (Organization/net-a, Organization/net-b) in `production`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexedParams, type Indexer } from '@payerport/fhir';
import { testIndexer, testRegistry } from '@payerport/fhir/testing';
import type { SqlStore } from '@payerport/store';
import type { OpenStore } from '@payerport/store/testing';
import { npiCheckDigit } from '../directory/npi.js';
import { ROSTER_COLUMNS } from './roster-columns.js';

export const ENV = 'production';

/** The n-th valid NPI (1 + 8 digits of n + check digit). */
export function npi(n: number): string {
  const first = `1${String(n).padStart(8, '0')}`;
  return `${first}${npiCheckDigit(first)}`;
}

export const BASE_ROW: Readonly<Record<string, string>> = Object.freeze({
  npi: npi(1), first_name: 'Ada', last_name: 'Lovelace', specialty_codes: '207R00000X', role_code: 'ph',
  location_name: 'Main Street Clinic', address_line1: '1 Main St', city: 'Hartford', state: 'CT', zip: '06103',
  phone: '860-555-0100', accepting_new_patients: 'yes', network_id: 'net-a', effective_start: '2025-01-01',
});

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A roster CSV with every column; each row is BASE_ROW with `overrides`. */
export function rosterCsv(rows: readonly Record<string, string>[], columns: readonly string[] = ROSTER_COLUMNS.map((c) => c.header)): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => quote({ ...BASE_ROW, ...r }[c] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Writes `text` to a new temporary file named `name`; returns its path. */
export function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'payerport-roster-')), name);
  writeFileSync(path, text);
  return path;
}

/** A store with the real indexer (or `wrap` around it), `production` created, networks net-a and net-b in it. */
export async function openRosterStore(open: OpenStore, wrap?: (indexer: Indexer) => Indexer): Promise<SqlStore> {
  const registry = await testRegistry();
  const indexer = await testIndexer();
  const store = await open({ indexer: wrap ? wrap(indexer) : indexer, paramTypes: indexedParams(registry) });
  await store.ensureEnvironment(ENV);
  await store.transaction(ENV, async (tx) => {
    for (const id of ['net-a', 'net-b']) {
      await tx.update({ resourceType: 'Organization', id, name: `Network ${id}`, type: [{ coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/OrgTypeCS', code: 'ntwk' }] }] });
    }
  });
  return store;
}

/** Current content of a resource, parsed (undefined if absent or deleted). */
export async function current(store: SqlStore, type: string, id: string): Promise<Record<string, unknown> | undefined> {
  const stored = await store.read(ENV, type, id);
  return stored === undefined || stored.deleted ? undefined : (JSON.parse(stored.json) as Record<string, unknown>);
}

/** Number of versions of everything in the environment. */
export async function versionCount(store: SqlStore): Promise<number> {
  return (await store.history(ENV, { count: 100_000 })).entries.length;
}
