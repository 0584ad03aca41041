import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIndexer, indexedParams, loadRegistry } from '@payerport/fhir';
import { createStore } from '@payerport/store';
import { importRosterCsv } from '@payerport/data';
import { npi, rosterCsv } from '../packages/data/src/roster/test-roster.js';

const N = Number(process.argv[2] ?? 50000);
const rows: Record<string, string>[] = [];
for (let i = 0; i < N; i++) {
  const p = i % 20000;
  rows.push({ npi: npi(p + 1), first_name: `F${p}`, last_name: `L${p}`, address_line1: `${i % 4999} Main St`, network_id: i % 2 ? 'net-a' : 'net-b', languages: 'en;es' });
}
// De-duplicate (npi, location, network)
const seen = new Set<string>();
const uniq = rows.filter((r) => { const k = `${r.npi}|${r.address_line1}|${r.network_id}`; if (seen.has(k)) return false; seen.add(k); return true; });
const dir = mkdtempSync(join(tmpdir(), 'roster-perf-'));
const file = join(dir, 'big.csv');
writeFileSync(file, rosterCsv(uniq));
const registry = await loadRegistry({ packageDirs: ['../shared/fhir-packages'] });
const indexer = createIndexer(registry, registry.resourceTypes());
const store = await createStore({ ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, pgSchema: 'perf_' + Date.now() } : { sqlitePath: join(dir, 'db.sqlite') }), indexer, paramTypes: indexedParams(registry) });
await store.ensureEnvironment('production');
await store.transaction('production', async (tx) => { for (const id of ['net-a', 'net-b']) await tx.update({ resourceType: 'Organization', id }); });
for (const run of ['first', 'again']) {
  const t = performance.now();
  const s = await importRosterCsv(store, 'production', file, { batchSize: Number(process.env.BATCH ?? 500), onRow: (n) => { if (n === uniq.length) console.log('  read+checked', ((performance.now() - t) / 1000).toFixed(1)); }, onProgress: (p) => { if (p.done === 0 || p.done === p.total) console.log('  ', p.phase, p.done, ((performance.now() - t) / 1000).toFixed(1)); } });
  const sec = (performance.now() - t) / 1000;
  console.log(run, uniq.length, 'rows', sec.toFixed(1), 's', Math.round(uniq.length / sec), 'rows/s', { created: s.created, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected.length });
}
await store.close();
