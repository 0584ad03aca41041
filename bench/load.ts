/**
 * Bulk-load throughput of the store: the synthetic Plan-Net directory (@payerport/data) through
 * `store.bulkLoad`, on SQLite (a temporary file) and, when DATABASE_URL is set, PostgreSQL (a
 * temporary schema). Each dialect is measured twice: with the real indexer (FHIRPath
 * extraction of every active SearchParameter) and with an indexer that yields no rows, which
 * separates storage cost from extraction cost.
 *
 *   node --conditions=source --import tsx bench/load.ts [count=50000] [batchSize=1000]
 *
 * Definitions come from FHIR_PACKAGES (default ../shared/fhir-packages), never downloaded.
 * Target (DESIGN.md): ≥ 10,000 resources/s on SQLite with the real indexer.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIndexer, indexedParams, loadRegistry, type Indexer } from '@payerport/fhir';
import { createStore, type IndexedParam, type StoreOptions } from '@payerport/store';
import pg from 'pg';
import { syntheticDirectory } from '@payerport/data';

interface Run { dialect: string; indexer: string; seconds: number; cpuSeconds: number; count: number; rows: number }

async function measure(label: string, options: StoreOptions, count: number, batchSize: number, cleanup: () => Promise<void>): Promise<Run> {
  const store = await createStore(options);
  try {
    await store.ensureEnvironment('bench');
    const resources = [...syntheticDirectory({ size: count })]; // generated up front: only loading is timed
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
    const registry = await loadRegistry({ packageDirs: (process.env.FHIR_PACKAGES || '../shared/fhir-packages').split(':'), download: false });
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
