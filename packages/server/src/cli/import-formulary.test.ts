/** `payerport import formulary`: its command line, the sample pair through the API, FHIR NDJSON input, --strict exit code. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { profileValidation } from '@payerport/data';
import { createValidator } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { openTestApp, type TestApp } from '../test-app.js';
import { parseArgv, UsageError } from './argv.js';
import { importFormularyArgs, runImportFormulary } from './import-formulary.js';

const example = (name: string): string => fileURLToPath(new URL(`../../../../docs/examples/${name}`, import.meta.url));
const SAMPLE = example('formulary-sample.csv');
const DRUGS = example('formulary-drugs-sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'payerport-formulary-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(t: TestApp, argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const code = await runImportFormulary({ store: t.store, registry: t.registry, validate: profileValidation(createValidator(t.registry)) }, importFormularyArgs(parseArgv(argv)), {
    print: (l) => out.push(l), progress: { isTTY: false, write: (s: string) => { err += s; } },
  });
  return { code, out, err };
}

describe('import formulary arguments', () => {
  it('needs --drugs with a CSV file, refuses it with FHIR input', () => {
    assert.deepEqual(importFormularyArgs(parseArgv(['import', 'formulary', 'f.csv', '--drugs', 'd.csv', '--env', 'production', '--strict'])),
      { file: 'f.csv', drugs: 'd.csv', env: 'production', strict: true });
    for (const bad of [
      ['import', 'formulary'], ['import', 'formulary', 'f.csv', '--env', 'production'], ['import', 'formulary', 'f.ndjson', '--drugs', 'd.csv', '--env', 'production'],
      ['import', 'formulary', 'f.txt', '--env', 'production'], ['import', 'formulary', 'f.ndjson'], ['import', 'formulary', 'f.ndjson', '--env', 'production', '--full'],
    ]) assert.throws(() => importFormularyArgs(parseArgv(bad)), UsageError, bad.join(' '));
  });
});

forEachDialect('payerport import formulary', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open); });
  after(() => t?.app.close());

  it('imports the sample pair, serves it, and finds it unchanged the second time', async () => {
    const first = await run(t, ['import', 'formulary', SAMPLE, '--drugs', DRUGS, '--env', 'production']);
    assert.equal(first.code, 0, first.out.join('\n'));
    assert.match(first.out[0]!, /formulary-sample\.csv → production: 7 rows, 7 accepted, 0 rejected\./);
    assert.ok(first.out.includes('Formulary Formulary00026001: version 3 (new), 5 items, 0 removed.'), first.out.join('\n'));
    assert.match(first.err, /writing resources: 12\/12\n/);
    const res = await t.app.inject({ method: 'GET', url: '/fhir/R4/Basic?formulary=InsurancePlan/Formulary00026001' });
    assert.equal(JSON.parse(res.body).entry.length, 5);
    const again = await run(t, ['import', 'formulary', SAMPLE, '--drugs', DRUGS, '--env', 'production']);
    assert.ok(again.out.includes('Resources: created 0, updated 0, unchanged 14, ended 0; rejected rows: 0.'), again.out.join('\n'));
  });

  it('takes FHIR NDJSON: the file is the whole new version of each formulary in it', async () => {
    const item = JSON.parse((await t.app.inject({ method: 'GET', url: '/fhir/R4/Basic/FormularyItem-00026002-209459' })).body) as Record<string, unknown>;
    const plan = JSON.parse((await t.app.inject({ method: 'GET', url: '/fhir/R4/InsurancePlan/Formulary00026002' })).body) as Record<string, unknown>;
    const ndjson = file('f.ndjson', [plan, item, { resourceType: 'Patient', id: 'p1' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = await run(t, ['import', 'formulary', ndjson, '--env', 'production']);
    assert.equal(r.code, 0, r.out.join('\n'));
    assert.ok(r.out.some((l) => /line 3: Patient\/p1: a formulary import takes/.test(l)), r.out.join('\n'));
    assert.ok(r.out.includes('Formulary Formulary00026002: version 1 (same version), 1 items, 1 removed.'), r.out.join('\n'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/fhir/R4/Basic/FormularyItem-00026002-1541228' })).statusCode, 410);
  });

  it('takes a FHIR Bundle: a broken entry is rejected by its position, the rest imported', async () => {
    const get = async (url: string) => JSON.parse((await t.app.inject({ method: 'GET', url })).body) as Record<string, unknown>;
    const plan = await get('/fhir/R4/InsurancePlan/Formulary00026002');
    const item = await get('/fhir/R4/Basic/FormularyItem-00026002-209459');
    const broken = { ...item, id: 'FormularyItem-00026002-broken', subject: undefined };
    const bundle = file('f.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [plan, item, broken].map((resource) => ({ resource })) }));
    const r = await run(t, ['import', 'formulary', bundle, '--env', 'production']);
    assert.equal(r.code, 0, r.out.join('\n'));
    assert.ok(r.out.some((l) => /Bundle.entry\[2\]: Basic\/FormularyItem-00026002-broken does not conform: Basic.subject/.test(l)), r.out.join('\n'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/fhir/R4/Basic/FormularyItem-00026002-broken' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/fhir/R4/Basic/FormularyItem-00026002-209459' })).statusCode, 200);
  });

  it('with --strict, a rejected row means exit 1 and nothing written', async () => {
    const csv = file('bad.csv', 'FORMULARY_ID,FORMULARY_VERSION,CONTRACT_YEAR,RXCUI,TIER_LEVEL_VALUE,QUANTITY_LIMIT_YN,PRIOR_AUTHORIZATION_YN,STEP_THERAPY_YN\n' +
      '00026003,1,2026,209459,1,N,N,N\n00026003,1,2026,209459x,1,N,N,N\n');
    const r = await run(t, ['import', 'formulary', csv, '--drugs', DRUGS, '--env', 'production', '--strict']);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes('  line 3: RXCUI: "209459x" is not an RxNorm concept id (digits only)'), r.out.join('\n'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/fhir/R4/InsurancePlan/Formulary00026003' })).statusCode, 404);
  });
});
