import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { createIndexer, indexedParams, loadRegistry } from '@payerport/fhir';
import { createStore } from '@payerport/store';
import { syntheticDirectory } from '@payerport/data';
const registry = await loadRegistry({ packageDirs: ['/work/shared/fhir-packages'], download: false });
const indexer = createIndexer(registry, registry.resourceTypes());
const store = await createStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'pl-')), 'x.sqlite'), indexer, paramTypes: indexedParams(registry) });
await store.ensureEnvironment('bench');
const resources = [...syntheticDirectory({ size: Number(process.argv[2] ?? 50000) })];
const t = Date.now();
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); if (!process.env.NOPROF) { await s.post('Profiler.enable'); await s.post('Profiler.start'); }
await store.bulkLoad('bench', resources, {});
const { profile } = process.env.NOPROF ? { profile: { nodes: [], samples: [], timeDeltas: [] } } as any : await s.post('Profiler.stop'); console.log([...((globalThis as any).T ?? new Map())].map(([k,v]) => k + ' ' + Math.round(v)).join('\n'));
console.log('ms', Date.now() - t, resources.length);
const self = new Map<string, number>(); const nodes = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = nodes.get(samples[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + dt[i]); }
const tot = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / tot * 100).toFixed(1).padStart(5), k);
await store.close();
