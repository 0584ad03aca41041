/**
 * The HTTP benchmark: payerport against a raw node:http server returning the same bytes, side
 * by side in one run, for each scenario. Run by hand (not by `npm test`), after `npm run build`:
 *
 *   FHIR_PACKAGES=../shared/fhir-packages npm run bench -- --size 1000000 [--db sqlite|postgres]
 *     [--duration 10] [--connections 10,50] [--rounds 2] [--only 'read'] [--reuse] [--cache-mb 0]
 *
 * `--reuse` keeps an existing data set (SQLite file / PostgreSQL schema) instead of rebuilding.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildDataset } from './build-dataset.js';
import { scenarios } from './http-scenarios.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const size = Number(arg('size', '100000'));
const db = arg('db', 'sqlite');
const duration = Number(arg('duration', '10'));
const connectionsList = arg('connections', '10,50').split(',').map(Number);
// Shared 2-core machines are noisy: each server is measured `rounds` times, interleaved with the
// others, and its best run is kept.
const rounds = Number(arg('rounds', '2'));
const packageDirs = (process.env.FHIR_PACKAGES ?? '').split(':').filter(Boolean);
const out = 'bench/out';
mkdirSync(out, { recursive: true });
const sqlitePath = join(out, `plannet-${size}.sqlite`);
const pgSchema = `bench_${size}`;
const SERVER_PORT = Number(process.env.BENCH_PORT ?? 28080);
const RAW_PORT = SERVER_PORT + 1;
const MINIMAL_PORT = SERVER_PORT + 2;

async function main(): Promise<void> {
  if (!existsSync('packages/server/dist/main.js')) throw new Error('run `npm run build` first');
  if (!process.argv.includes('--reuse') || (db === 'sqlite' && !existsSync(sqlitePath))) {
    console.log(`building ${size.toLocaleString('en-US')} resources on ${db}…`);
    const load = await buildDataset(db === 'postgres'
      ? { size, databaseUrl: process.env.DATABASE_URL, pgSchema, packageDirs }
      : { size, sqlitePath, packageDirs });
    console.log(`load with indexing: ${Math.round(load.rate).toLocaleString('en-US')} resources/s (${load.resources} in ${load.seconds.toFixed(1)} s)`);
  }
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${SERVER_PORT}/fhir/R4`;
    const rows: string[][] = [];
    const only = arg('only', '');
    for (const scenario of scenarios(size).filter((sc) => only === '' || sc.name.startsWith(only))) {
      const res = await fetch(base + scenario.path);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${scenario.name}: HTTP ${res.status} ${body.toString().slice(0, 300)}`);
      const file = join(out, 'body.json');
      writeFileSync(file, body);
      const raw = await startRaw(file, res.headers.get('content-type') ?? 'application/json');
      try {
        for (const connections of connectionsList) {
          let ceiling = await load(`http://127.0.0.1:${RAW_PORT}${'/fhir/R4' + scenario.path}`, connections, undefined, raw.pid);
          const paths = scenario.nextPath && (() => `/fhir/R4${scenario.nextPath!()}`);
          let ours = await load(base + scenario.path, connections, paths, server.pid);
          for (let round = 1; round < rounds; round++) {
            ceiling = best(ceiling, await load(`http://127.0.0.1:${RAW_PORT}${'/fhir/R4' + scenario.path}`, connections, undefined, raw.pid));
            ours = best(ours, await load(base + scenario.path, connections, paths, server.pid));
          }
          rows.push([scenario.name, String(body.length), String(connections), fmt(ceiling.rps), fmt(ours.rps),
            (ours.rps / ceiling.rps).toFixed(2), `${ours.p50}`, `${ours.p99}`, `${ours.errors}`, `${ceiling.cpuUs} / ${ours.cpuUs}`]);
          if (scenario.name === 'read by id' && db === 'sqlite') {
            // The same read through a minimal Fastify + prepared lookup: the design's own ceiling.
            const minimal = await startMinimal();
            try {
              let m = await load(`http://127.0.0.1:${MINIMAL_PORT}/fhir/R4${scenario.path}`, connections, undefined, minimal.pid);
              for (let round = 1; round < rounds; round++) m = best(m, await load(`http://127.0.0.1:${MINIMAL_PORT}/fhir/R4${scenario.path}`, connections, undefined, minimal.pid));
              rows.push(['read by id, minimal Fastify + SQLite lookup', String(body.length), String(connections), fmt(ceiling.rps), fmt(m.rps),
                (m.rps / ceiling.rps).toFixed(2), `${m.p50}`, `${m.p99}`, `${m.errors}`, `${ceiling.cpuUs} / ${m.cpuUs}`]);
            } finally {
              minimal.kill();
            }
          }
          console.log(rows[rows.length - 1]!.join('\t'));
        }
      } finally {
        raw.kill();
      }
    }
    const rss = memory(server.pid!);
    const caches = arg('cache-mb', '') === '' ? 'default caches' : `READ_CACHE_MB=${arg('cache-mb', '')}`;
    console.log(`\n${db}, ${size.toLocaleString('en-US')} resources, ${caches}, best of ${rounds} runs of ${duration} s, ${new Date().toISOString().slice(0, 10)}`);
    // CPU µs per request of the server process alone (raw / ours): steadier than req/s on a shared machine.
    console.log('| scenario | body bytes | conns | raw node:http req/s | payerport req/s | ratio | p50 ms | p99 ms | errors | server CPU µs/req raw / ours |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(`\nserver RSS now ${rss.rss} MB, peak ${rss.peak} MB`);
  } finally {
    server.kill('SIGTERM');
  }
}

type Measured = Awaited<ReturnType<typeof load>>;
const best = (a: Measured, b: Measured): Measured => (b.rps > a.rps ? b : a);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function load(url: string, connections: number, nextPath?: () => string, pid?: number): Promise<{ rps: number; p50: number; p99: number; errors: number; cpuUs: number }> {
  const requests = nextPath ? [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: nextPath() }) }] : undefined;
  const cpuBefore = pid === undefined ? 0 : cpuTicks(pid);
  const result = await autocannon({ url, connections, duration, pipelining: 1, ...(requests ? { requests } : {}) });
  const cpuMs = pid === undefined ? 0 : (cpuTicks(pid) - cpuBefore) * 10;
  const cpuUs = result.requests.total > 0 ? Math.round((cpuMs * 1000) / result.requests.total) : 0;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, cpuUs };
}

/** User + system CPU of a process so far, in clock ticks (1/100 s on Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function startServer(): Promise<ChildProcess> {
  const env = {
    ...process.env, PORT: String(SERVER_PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${SERVER_PORT}`,
    // `--cache-mb 0` measures without the read and search caches (every request goes to SQLite).
    ...(arg('cache-mb', '') === '' ? {} : { READ_CACHE_MB: arg('cache-mb', '') }),
    ...(db === 'postgres' ? { DATABASE_URL: `${process.env.DATABASE_URL}${process.env.DATABASE_URL?.includes('?') ? '&' : '?'}options=-c%20search_path%3D${pgSchema}` } : { DATABASE_URL: '', SQLITE_PATH: sqlitePath }),
  };
  const child = spawn(process.execPath, ['packages/server/dist/main.js', 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${SERVER_PORT}/fhir/R4/metadata`)).ok) return child;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('server did not start');
}

function startRaw(file: string, contentType: string): Promise<ChildProcess> {
  const child = fork('bench/raw-server.mjs', [String(RAW_PORT), file, contentType], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

function startMinimal(): Promise<ChildProcess> {
  const child = fork('bench/fastify-sqlite-server.mjs', [String(MINIMAL_PORT), sqlitePath], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS:') / 1024), peak: Math.round(kb('VmHWM:') / 1024) };
}

await main();
