/**
 * Loads a Plan-Net-shaped data set into a store and prints the load rate (resources/s, with
 * index extraction). Used by run.ts; also runnable alone:
 *   node --conditions=source --import tsx bench/build-dataset.ts --size 100000 [--db sqlite|postgres] [--out FILE]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createIndexer, indexedParams, loadRegistry } from '@payerport/fhir';
import { createStore } from '@payerport/store';
import { syntheticDirectory } from '@payerport/data';

export interface BuildOptions {
  size: number;
  /** SQLite file, or a PostgreSQL schema name when databaseUrl is set. */
  sqlitePath?: string;
  databaseUrl?: string;
  pgSchema?: string;
  packageDirs: string[];
}

/** Builds the data set in the production environment; returns resources/s. */
export async function buildDataset(options: BuildOptions): Promise<{ resources: number; seconds: number; rate: number }> {
  const registry = await loadRegistry({ packageDirs: options.packageDirs });
  const indexer = createIndexer(registry, registry.resourceTypes());
  if (options.sqlitePath) {
    mkdirSync(dirname(options.sqlitePath), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(options.sqlitePath + suffix, { force: true });
  }
  const store = await createStore({
    indexer, paramTypes: indexedParams(registry),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, pgSchema: options.pgSchema } : { sqlitePath: options.sqlitePath }),
  });
  try {
    await store.ensureEnvironment('sandbox');
    await store.ensureEnvironment('production');
    const started = performance.now();
    let last = started;
    const resources = await store.bulkLoad('production', syntheticDirectory({ size: options.size }), {
      batchSize: 2000,
      onProgress: (done) => {
        const now = performance.now();
        if (now - last > 5000) { last = now; process.stdout.write(`  loaded ${done.toLocaleString('en-US')} (${Math.round(done / ((now - started) / 1000))}/s)\n`); }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    return { resources, seconds, rate: resources / seconds };
  } finally {
    await store.close();
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(arg('size', '100000'));
  const db = arg('db', 'sqlite');
  const result = await buildDataset({
    size, packageDirs: (process.env.FHIR_PACKAGES ?? '').split(':').filter(Boolean),
    ...(db === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, pgSchema: `bench_${size}` } : { sqlitePath: arg('out', `bench/out/plannet-${size}.sqlite`) }),
  });
  console.log(`loaded ${result.resources} resources in ${result.seconds.toFixed(1)} s: ${Math.round(result.rate)} resources/s`);
}
