/**
 * Roster import throughput (`importRosterCsv`, the path `payerport import roster` takes): makes an
 * N-row roster CSV (valid NPIs, ~0.3 N practitioners, ~0.2 N locations, two networks) and prints
 * rows/s for a first import into an empty SQLite file and for an unchanged re-import, without and
 * with the Plan-Net profile validator (as the CLI runs it). Run by hand, never by `npm test`:
 *
 *   node --conditions=source --import tsx bench/roster-import.ts [--rows 50000] [--validate both|on|off] [--full] [--errors 97]
 *
 * `--errors N` breaks every N-th row in one of five ways (NPI check digit, unknown network, impossible
 * date, a missing cell, an unknown state); each must be reported by line and the rest imported.
 *
 * Definitions come from FHIR_PACKAGES (default ../shared/fhir-packages), never downloaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createIndexer, createValidator, indexedParams, loadRegistry, type Registry } from '@payerport/fhir';
import { createStore } from '@payerport/store';
import { importRosterCsv, npiCheckDigit, profileValidation, ROSTER_COLUMNS, type ImportSummary, type ValidateResource } from '@payerport/data';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, validate: { type: 'string', default: 'both' }, full: { type: 'boolean', default: false }, errors: { type: 'string', default: '0' } } });
const errorEvery = Number(values.errors);
let injected = 0;
const rows = Number(values.rows);
const NETWORKS = ['bench-net-a', 'bench-net-b'];
const ENV = 'production';

const npi = (n: number): string => {
  const base = String(100_000_000 + n);
  return `${base}${npiCheckDigit(base)}`;
};

/** Row r: practitioner r mod P, its (r div P)-th location and network, so every (npi, location, network) is distinct. */
function rosterCsv(count: number): string {
  const practitioners = Math.max(1, Math.round(count * 0.3));
  const locations = Math.max(8, Math.round(count * 0.2));
  const lines = [ROSTER_COLUMNS.map((c) => c.header).join(',')];
  for (let r = 0; r < count; r++) {
    const p = r % practitioners;
    const j = Math.floor(r / practitioners);
    const l = (p * 3 + j) % locations;
    const cells: Record<string, string> = {
      npi: npi(p), first_name: `First${p}`, last_name: `Last${p}`, gender: p % 2 ? 'female' : 'male', role_code: 'ph',
      specialty_codes: p % 3 ? '207R00000X' : '207Q00000X;207RC0000X', location_id: `SITE-${l}`, location_name: `Clinic ${l}`,
      address_line1: `${l} Main St`, city: 'Hartford', state: 'CT', zip: String(6000 + (l % 900)).padStart(5, '0'),
      phone: `860-555-${String(r % 10_000).padStart(4, '0')}`, accepting_new_patients: r % 4 ? 'yes' : 'no', languages: p % 5 ? 'en' : 'en;es',
      network_id: NETWORKS[j % 2]!, effective_start: '2025-01-01', source_last_changed: '2026-01-15',
    };
    let line = ROSTER_COLUMNS.map((c) => cells[c.header] ?? '');
    if (errorEvery > 0 && r % errorEvery === errorEvery - 1) {
      injected++;
      const defect = Math.floor(r / errorEvery) % 5;
      const at = (header: string) => ROSTER_COLUMNS.findIndex((c) => c.header === header);
      if (defect === 0) line[at('npi')] = `${cells.npi!.slice(0, 9)}${(Number(cells.npi!.slice(9)) + 1) % 10}`;
      else if (defect === 1) line[at('network_id')] = 'no-such-network';
      else if (defect === 2) line[at('effective_start')] = '2025-02-30';
      else if (defect === 3) line = line.slice(0, -1);
      else line[at('state')] = 'XX';
    }
    lines.push(line.join(','));
  }
  return lines.join('\n') + '\n';
}

async function run(registry: Registry, file: string, validate: ValidateResource | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'payerport-bench-roster-'));
  const store = await createStore({ indexer: createIndexer(registry, registry.resourceTypes()), paramTypes: indexedParams(registry), sqlitePath: join(dir, 'bench.sqlite') });
  try {
    await store.ensureEnvironment(ENV);
    await store.transaction(ENV, async (tx) => {
      for (const id of NETWORKS) await tx.update({ resourceType: 'Organization', id, name: id });
    });
    const label = validate ? 'validated' : 'no validation';
    for (const pass of ['first import', 'unchanged re-import']) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const summary: ImportSummary = await importRosterCsv(store, ENV, file, { today: '2026-02-01', full: values.full, ...(validate ? { validate } : {}) });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      // CPU time (user + system, SQLite's work included: better-sqlite3 runs on this thread) is
      // steadier than wall time on a shared machine; compare runs by both.
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(`${`${pass}, ${label}:`.padEnd(40)} ${(summary.rows / seconds).toFixed(0).padStart(6)} rows/s  ${seconds.toFixed(1).padStart(5)} s  ` +
        `cpu ${cpuSeconds.toFixed(1).padStart(5)} s = ${(summary.rows / cpuSeconds).toFixed(0).padStart(6)} rows per cpu-s  ` +
        `(created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, ended ${summary.ended}, rejected ${summary.rejected.length})`);
      if (summary.rejected.length > 0) console.log(`  first rejection: line ${summary.rejected[0]!.line}: ${summary.rejected[0]!.reason}`);
      if (summary.rejected.length !== injected) console.log(`  ✘ ${injected} rows were broken on purpose but ${summary.rejected.length} were rejected`);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const registry = await loadRegistry({ packageDirs: (process.env.FHIR_PACKAGES || '../shared/fhir-packages').split(':'), download: false });
const dir = mkdtempSync(join(tmpdir(), 'payerport-bench-csv-'));
const file = join(dir, 'roster.csv');
writeFileSync(file, rosterCsv(rows));
console.log(`roster: ${rows} rows (${injected} broken on purpose); SQLite file in ${tmpdir()}; node ${process.version}`);
try {
  if (values.validate !== 'on') await run(registry, file, undefined);
  if (values.validate !== 'off') await run(registry, file, profileValidation(createValidator(registry)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
