/** `payerport import roster`: the command over CSV, NDJSON and Bundle files, its summary, progress and exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { profileValidation, type ImportSummary, type ValidateResource } from '@payerport/data';
import { createValidator } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { openTestApp, type TestApp } from '../test-app.js';
import { parseArgv, UsageError } from './argv.js';
import { importRosterArgs, runImportRoster } from './import-roster.js';
import { importSummaryLines } from './import-summary-text.js';
import { createProgress } from './progress.js';

const SAMPLE = fileURLToPath(new URL('../../../../docs/examples/roster-sample.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'payerport-import-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

let validator: ValidateResource | undefined;

/** Runs the command; returns its exit code, stdout lines and stderr text. */
async function run(t: TestApp, argv: string[], isTTY = false): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  // The real profile validator, as the CLI wires it: the sample roster must conform to Plan-Net.
  validator ??= profileValidation(createValidator(t.registry));
  const code = await runImportRoster({ store: t.store, registry: t.registry, validate: validator }, importRosterArgs(parseArgv(argv)), {
    print: (l) => out.push(l),
    progress: { isTTY, write: (s: string) => { err += s; } },
  });
  return { code, out, err };
}

forEachDialect('payerport import roster', (open) => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(open);
    await t.store.transaction('production', async (tx) => {
      for (const id of ['AcmeofCTStdNet', 'AcmeofCTPremNet']) await tx.update({ resourceType: 'Organization', id, name: id });
    });
  });
  after(() => t?.app.close());

  it('imports the documented sample roster, then finds it unchanged', async () => {
    const first = await run(t, ['import', 'roster', SAMPLE, '--env', 'production']);
    assert.equal(first.code, 0, first.out.join('\n'));
    assert.match(first.out[0]!, /roster-sample\.csv → production: 7 rows, 7 accepted, 0 rejected\./);
    // Dr Chen's role ended on 2025-12-31: written end-dated (Plan-Net conformant, the validator is on), then deleted.
    assert.ok(first.out.includes('Resources: created 16, updated 0, unchanged 0, ended 1; rejected rows: 0.'), first.out.join('\n'));
    assert.match(first.err, /read 7 rows\n/);
    assert.match(first.err, /writing resources: 17\/17\n/);
    const again = await run(t, ['import', 'roster', SAMPLE, '--env', 'production']);
    assert.ok(again.out.includes('Resources: created 0, updated 0, unchanged 17, ended 0; rejected rows: 0.'), again.out.join('\n'));
    // The API serves what was imported.
    const res = await t.app.inject({ method: 'GET', url: '/fhir/R4/PractitionerRole?network=Organization/AcmeofCTPremNet' });
    assert.equal(res.statusCode, 200);
    assert.equal(JSON.parse(res.body).entry.length, 2);
    // The ended role: not found by searches, 410 on read, and its history ends with the deletion.
    const chen = await t.app.inject({ method: 'GET', url: '/fhir/R4/PractitionerRole?practitioner=Practitioner/npi-1333445561' });
    assert.equal(JSON.parse(chen.body).entry?.length ?? 0, 0);
    const [deletion] = (await t.store.history('production', { type: 'PractitionerRole', count: 100 })).entries.filter((e) => e.method === 'delete');
    assert.ok(deletion);
    assert.equal((await t.app.inject({ method: 'GET', url: `/fhir/R4/PractitionerRole/${deletion.id}` })).statusCode, 410);
    const history = JSON.parse((await t.app.inject({ method: 'GET', url: `/fhir/R4/PractitionerRole/${deletion.id}/_history` })).body);
    assert.deepEqual(history.entry.map((e: { request: { method: string } }) => e.request.method), ['DELETE', 'POST']);
    const final = history.entry[1].resource;
    assert.deepEqual([final.active, final.period], [true, { start: '2022-01-01', end: '2025-12-31' }]);
  });

  it('with --strict, a rejected row means exit 1 and nothing written', async () => {
    const text = 'npi,first_name,last_name,specialty_codes,location_name,address_line1,city,state,zip,phone,accepting_new_patients,network_id,effective_start\n' +
      '1677889903,Ann,Lee,207R00000X,Oak Clinic,1 Oak St,Hartford,CT,06103,860-555-0100,yes,AcmeofCTStdNet,2025-01-01\n' +
      '1677889904,Bad,Npi,207R00000X,Oak Clinic,1 Oak St,Hartford,CT,06103,860-555-0100,yes,AcmeofCTStdNet,2025-01-01\n';
    const r = await run(t, ['import', 'roster', file('strict.csv', text), '--env', 'production', '--strict']);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes('Nothing was written (--strict): fix the rejected rows and import again.'), r.out.join('\n'));
    assert.ok(r.out.includes('  line 3: npi: NPI 1677889904 has a wrong check digit (expected 3)'), r.out.join('\n'));
    assert.equal(await t.store.read('production', 'Practitioner', 'npi-1677889903'), undefined);
    const lenient = await run(t, ['import', 'roster', file('strict.csv', text), '--env', 'production']);
    assert.equal(lenient.code, 0);
    assert.ok(await t.store.read('production', 'Practitioner', 'npi-1677889903'));
  });

  it('imports FHIR NDJSON idempotently, rejecting lines without ids or repeated', async () => {
    const lines = [
      JSON.stringify({ resourceType: 'Practitioner', id: 'nd-1', name: [{ family: 'One' }] }),
      JSON.stringify({ resourceType: 'Practitioner', name: [{ family: 'No id' }] }),
      '{"resourceType": "Practitioner",',
      JSON.stringify({ resourceType: 'Location', id: 'nd-loc', meta: { extension: [{ url: 'https://payerport.dev/fhir/StructureDefinition/source-last-changed', valueDateTime: '2026-01-02T00:00:00.000Z' }] } }),
      JSON.stringify({ resourceType: 'Practitioner', id: 'nd-1', name: [{ family: 'Again' }] }),
    ];
    const path = file('roster.ndjson', lines.join('\n'));
    const first = await run(t, ['import', 'roster', path, '--env', 'production']);
    assert.equal(first.code, 0);
    assert.match(first.out[0]!, /5 rows, 2 accepted, 3 rejected/);
    assert.deepEqual(first.out.filter((l) => l.startsWith('  line')), [
      '  line 2: Practitioner has no id',
      '  line 3: the line is not valid JSON: ' + first.out.find((l) => l.startsWith('  line 3'))!.split('JSON: ')[1],
      '  line 5: Practitioner/nd-1 repeats line 1',
    ]);
    const loc = JSON.parse((await t.store.read('production', 'Location', 'nd-loc'))!.json);
    assert.equal(loc.meta.extension[0].valueDateTime, '2026-01-02T00:00:00.000Z', 'a source time in the file is kept');
    assert.equal(loc.meta.tag[0].code, 'roster');
    const again = await run(t, ['import', 'roster', path, '--env', 'production']);
    assert.ok(again.out.includes('Resources: created 0, updated 0, unchanged 2, ended 0; rejected rows: 3.'), again.out.join('\n'));
  });

  it('imports a Bundle, naming bad entries by index', async () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Practitioner', id: 'b-1' } }, { resource: { resourceType: 'Nope', id: 'x' } }] };
    const r = await run(t, ['import', 'roster', file('roster.json', JSON.stringify(bundle)), '--env', 'production', '--source', 'bundle-feed']);
    assert.equal(r.code, 0);
    assert.ok(r.out.includes('  Bundle.entry[1]: unknown resourceType Nope'), r.out.join('\n'));
    assert.ok(await t.store.read('production', 'Practitioner', 'b-1'));
    const notBundle = await run(t, ['import', 'roster', file('x.json', '{"resourceType":"Patient"}'), '--env', 'production']);
    assert.equal(notBundle.code, 1);
    assert.match(notBundle.out.join('\n'), /Nothing was imported from .*x\.json:\n {2}.*expected a Bundle/);
  });

  it('says what is wrong with a missing file or a bad header, without writing', async () => {
    const missing = await run(t, ['import', 'roster', join(dir, 'nope.csv'), '--env', 'production']);
    assert.deepEqual([missing.code, missing.out], [1, [`Nothing was imported from ${join(dir, 'nope.csv')}: no such file.`]]);
    const header = await run(t, ['import', 'roster', file('h.csv', 'npi,name\n1,2\n'), '--env', 'production']);
    assert.equal(header.code, 1);
    assert.match(header.out.join('\n'), /unknown column "name"/);
  });

  it('draws a bar on a terminal', async () => {
    const r = await run(t, ['import', 'roster', SAMPLE, '--env', 'production'], true);
    assert.ok(r.err.includes('\r\u001b[Kwriting resources ['), r.err);
    assert.match(r.err, /\] 100% 17\/17\n$/);
    assert.ok(r.err.endsWith('\n'));
  });
});

describe('import roster command line', () => {
  const args = (...a: string[]) => importRosterArgs(parseArgv(a));

  it('takes a file, --env, --full, --strict and --source', () => {
    assert.deepEqual(args('import', 'roster', 'r.csv', '--env', 'production', '--full', '--strict', '--source=group-a'),
      { file: 'r.csv', env: 'production', full: true, strict: true, source: 'group-a' });
  });

  it('rejects what it does not understand', () => {
    for (const bad of [
      ['import'], ['import', 'members', 'x.csv', '--env', 'sandbox'], ['import', 'roster', '--env', 'sandbox'],
      ['import', 'roster', 'r.txt', '--env', 'sandbox'], ['import', 'roster', 'r.csv'], ['import', 'roster', 'r.csv', '--env', 'sandbox', '--stritc'],
      ['import', 'roster', 'r.csv', '--env', 'sandbox', '--source', 'a b'], ['import', 'roster', 'a.csv', 'b.csv', '--env', 'sandbox'],
    ]) assert.throws(() => args(...bad), UsageError, bad.join(' '));
  });

  it('caps the listed rejections', () => {
    const summary: ImportSummary = {
      rows: 80, created: 0, updated: 0, unchanged: 0, ended: 0, byType: {}, written: true, lineLabel: 'line',
      rejected: Array.from({ length: 60 }, (_, i) => ({ line: i + 2, reason: 'bad' })),
    };
    const lines = importSummaryLines(summary, { file: 'r.csv', env: 'production', strict: false }, 50);
    assert.equal(lines.filter((l) => l.startsWith('  line')).length, 50);
    assert.equal(lines.at(-1), '  … and 10 more');
  });

  it('prints plain progress lines every 10,000 rows when not on a terminal', () => {
    let text = '';
    const p = createProgress({ write: (s: string) => { text += s; } });
    for (let n = 1000; n <= 25_000; n += 1000) p.rows(n);
    p.rows(25_500, true);
    assert.equal(text, 'read 10000 rows\nread 20000 rows\nread 25500 rows\n');
  });

  it('exits 2 with a message, not a stack trace, for an unknown environment or file type', () => {
    const main = fileURLToPath(new URL('../main.ts', import.meta.url));
    for (const [argv, message] of [
      [['import', 'roster', 'r.csv', '--env', 'staging'], /^Unknown environment staging/],
      [['import', 'roster', 'r.txt', '--env', 'production'], /^r\.txt: a roster is a \.csv/],
    ] as const) {
      const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', main, ...argv], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
});
