/**
 * Formulary import throughput (`importFormularyCsv`, the path `payerport import formulary` takes):
 * makes an N-row formulary file (one formulary, N RXCUIs) with a drug-names file, breaks every
 * `--errors`-th row in one of five ways (bad RXCUI, QL=Y without amount, unknown RXCUI, short row,
 * tier 9), imports it into an empty SQLite file (or DATABASE_URL) with the USDF profile validator,
 * then imports version 2 (every 10th item dropped, every 7th re-tiered), and prints rows/s and
 * the summaries. Run by hand, never by `npm test`:
 *
 *   node --conditions=source --import tsx bench/formulary-import.ts [--rows 50000] [--errors 500]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createIndexer, createValidator, indexedParams, loadRegistry } from '@payerport/fhir';
import { createStore } from '@payerport/store';
import { FORMULARY_COLUMNS, importFormularyCsv, profileValidation, type FormularySummary } from '@payerport/data';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, errors: { type: 'string', default: '500' } } });
const rows = Number(values.rows);
const errorEvery = Number(values.errors);
const ENV = 'production';
const rxcui = (r: number): string => String(2_000_000 + r);

function formularyCsv(version: number): string {
  const lines = [FORMULARY_COLUMNS.map((c) => c.header.toUpperCase()).join(',')];
  for (let r = 0; r < rows; r++) {
    if (version === 2 && r % 10 === 9) continue;
    const tier = version === 2 && r % 7 === 0 ? 5 : (r % 5) + 1;
    const ql = r % 4 === 0;
    let cells = ['BENCH01', String(version), '2026', rxcui(r), '', String(tier), ql ? 'Y' : 'N', ql ? '30' : '', ql ? '30' : '', r % 6 === 0 ? 'Y' : 'N', r % 9 === 0 ? 'Y' : 'N'];
    if (version === 1 && errorEvery > 0 && r % errorEvery === errorEvery - 1) {
      const defect = Math.floor(r / errorEvery) % 5;
      if (defect === 0) cells[3] = `${rxcui(r)}A`;
      else if (defect === 1) cells = [...cells.slice(0, 6), 'Y', '', '30', ...cells.slice(9)];
      else if (defect === 2) cells[3] = '99999999';
      else if (defect === 3) cells = cells.slice(0, -1);
      else cells[5] = '9';
    }
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

const drugsCsv = ['RXCUI,DRUG_NAME,DOSE_FORM,STRENGTH', ...Array.from({ length: rows }, (_, r) => `${rxcui(r)},bench drug ${r} 10 MG Oral Tablet,Oral Tablet,10 MG`)].join('\n') + '\n';

const dir = mkdtempSync(join(tmpdir(), 'payerport-bench-formulary-'));
try {
  const registry = await loadRegistry({ packageDirs: [process.env.FHIR_PACKAGES ?? '../shared/fhir-packages'] });
  const store = await createStore({ sqlitePath: join(dir, 'bench.db'), databaseUrl: process.env.DATABASE_URL, indexer: createIndexer(registry, registry.resourceTypes()), paramTypes: indexedParams(registry) });
  await store.ensureEnvironment(ENV);
  const drugs = join(dir, 'drugs.csv');
  writeFileSync(drugs, drugsCsv);
  const options = { formularyParam: registry.searchParam('Basic', 'formulary')!, validate: profileValidation(createValidator(registry)) };
  const report = (label: string, s: FormularySummary, ms: number): void => {
    console.log(`${label}: ${s.rows} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(s.rows / (ms / 1000))} rows/s (${store.dialect})`);
    console.log(`  created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, removed ${s.removed}; rejected ${s.rejected.length}`);
    for (const f of s.formularies) console.log(`  ${f.id}: version ${f.version} (was ${f.previousVersion ?? 'none'}), ${f.items} items, ${f.removed} removed`);
    const kinds = new Map<string, number>();
    for (const r of s.rejected) kinds.set(r.reason.replace(/\d+/g, 'N').slice(0, 70), (kinds.get(r.reason.replace(/\d+/g, 'N').slice(0, 70)) ?? 0) + 1);
    for (const [k, n] of kinds) console.log(`    ${n} × ${k}`);
  };
  for (const [label, version] of [['first import, version 1', 1], ['same file again', 1], ['version 2 replaces 1', 2]] as const) {
    const file = join(dir, `formulary-v${version}.csv`);
    writeFileSync(file, formularyCsv(version));
    const start = performance.now();
    const summary = await importFormularyCsv(store, ENV, file, drugs, options);
    report(label, summary, performance.now() - start);
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
