import { createIndexer, indexedParams, loadRegistry, parseSearch } from '@payerport/fhir';
import { createStore } from '@payerport/store';
const registry = await loadRegistry({ packageDirs: ['/work/shared/fhir-packages'], download: false });
const store = await createStore({ sqlitePath: 'bench/out/plannet-1000000.sqlite', indexer: createIndexer(registry, registry.resourceTypes()), paramTypes: indexedParams(registry), readCacheBytes: 64 << 20 });
const NUCC = 'http://nucc.org/provider-taxonomy';
const pairs: [string, string][] = [['specialty', `${NUCC}|207RC0000X`], ['_include', 'PractitionerRole:practitioner'], ['_include', 'PractitionerRole:location'], ['_count', '10']];
const q = parseSearch(registry, 'PractitionerRole', pairs, { lenient: false, defaultCount: 20, maxCount: 100 });
for (let round = 0; round < 3; round++) {
  const n = 3000; const cpu = process.cpuUsage(); const t = performance.now();
  let bytes = 0;
  for (let i = 0; i < n; i++) { const r = await store.search('production', q); bytes += r.matches.length + r.included.length; }
  const c = process.cpuUsage(cpu);
  console.log(`search+2 include: ${((performance.now() - t) / n * 1000).toFixed(0)} µs wall, ${((c.user + c.system) / n).toFixed(0)} µs CPU per search (${bytes / n} resources)`);
}
await store.close();
