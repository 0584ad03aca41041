/** Formulary import end to end, per dialect: create, unchanged re-import, version replacement, --strict, broken rows. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { forEachDialect } from '@payerport/store/testing';
import { importFormularyCsv } from './import-formulary-file.js';
import type { FormularySummary } from './formulary-summary.js';
import { storedItemIds } from './stored-items.js';
import { DRUGS_CSV, ENV, current, formularyCsv, openFormularyStore, tempFile, versionCount, type FormularyTestKit } from './test-formulary.js';
import { FORMULARY_VERSION_URL } from './usdf-terms.js';

const example = (name: string): string => fileURLToPath(new URL(`../../../../docs/examples/${name}`, import.meta.url));

function importText(kit: FormularyTestKit, csv: string, options: { strict?: boolean; drugs?: string } = {}): Promise<FormularySummary> {
  return importFormularyCsv(kit.store, ENV, tempFile('formulary.csv', csv), tempFile('drugs.csv', options.drugs ?? DRUGS_CSV), {
    formularyParam: kit.formularyParam, validate: kit.validate, strict: options.strict, sourceChanged: '2026-01-15T00:00:00.000Z',
  });
}

const items = async (kit: FormularyTestKit, formulary = 'FormularyF100'): Promise<string[]> =>
  (await kit.store.transaction(ENV, (tx) => storedItemIds(tx, kit.formularyParam, formulary))).sort();

const versionOf = async (kit: FormularyTestKit, formulary = 'FormularyF100'): Promise<unknown> =>
  ((await current(kit.store, 'InsurancePlan', formulary))?.extension as { url: string; valueInteger: number }[] | undefined)?.find((e) => e.url === FORMULARY_VERSION_URL)?.valueInteger;

const V1: Record<string, string>[] = [
  { rxcui: '1000091', tier_level_value: '1' },
  { rxcui: '209459', tier_level_value: '2', quantity_limit_yn: 'Y', quantity_limit_amount: '60', quantity_limit_days: '30' },
  { rxcui: '284520', tier_level_value: '3', prior_authorization_yn: 'Y', step_therapy_yn: 'Y' },
];

forEachDialect('formulary import', (open) => {
  it('creates drugs, formularies and conformant items; a re-import of the same version changes nothing', async () => {
    const kit = await openFormularyStore(open);
    const csv = formularyCsv([...V1, { formulary_id: 'F200', rxcui: '1541228', tier_level_value: '5' }]);
    const first = await importText(kit, csv);
    assert.deepEqual(first.rejected, []);
    assert.equal(first.written, true);
    assert.deepEqual(first.byType.Basic, { created: 4, updated: 0, unchanged: 0, ended: 0 });
    assert.deepEqual(first.byType.InsurancePlan, { created: 2, updated: 0, unchanged: 0, ended: 0 });
    assert.equal(first.byType.MedicationKnowledge?.created, 5);
    assert.deepEqual(await items(kit), ['FormularyItem-F100-1000091', 'FormularyItem-F100-209459', 'FormularyItem-F100-284520']);
    const ql = await current(kit.store, 'Basic', 'FormularyItem-F100-209459');
    const exts = ql!.extension as { url: string; valueCodeableConcept?: { coding: { code: string }[] }; valueBoolean?: boolean }[];
    assert.equal(exts.find((e) => e.url.endsWith('usdf-DrugTierID-extension'))!.valueCodeableConcept!.coding[0]!.code, 'generic');
    assert.equal(exts.find((e) => e.url.endsWith('usdf-QuantityLimit-extension'))!.valueBoolean, true);
    assert.equal(await versionOf(kit), 1);

    const versions = await versionCount(kit.store);
    const again = await importText(kit, csv);
    assert.equal(again.created + again.updated, 0);
    assert.equal(again.unchanged, 11);
    assert.equal(again.removed, 0);
    assert.equal(await versionCount(kit.store), versions);
  });

  it('replaces version N with N+1 in one transaction: removed items deleted, changed ones updated', async () => {
    const kit = await openFormularyStore(open);
    await importText(kit, formularyCsv(V1));
    const v2 = formularyCsv([
      { formulary_version: '2', rxcui: '1000091', tier_level_value: '4' },
      { formulary_version: '2', rxcui: '209459', tier_level_value: '2', quantity_limit_yn: 'Y', quantity_limit_amount: '60', quantity_limit_days: '30' },
      { formulary_version: '2', rxcui: '1049640', tier_level_value: '2' },
    ]);
    const summary = await importText(kit, v2);
    assert.deepEqual(summary.rejected, []);
    assert.deepEqual(summary.formularies, [{ id: 'FormularyF100', version: 2, previousVersion: 1, items: 3, removed: 1, written: true }]);
    assert.deepEqual(summary.byType.Basic, { created: 1, updated: 1, unchanged: 1, ended: 0 });
    assert.deepEqual(await items(kit), ['FormularyItem-F100-1000091', 'FormularyItem-F100-1049640', 'FormularyItem-F100-209459']);
    assert.equal(await current(kit.store, 'Basic', 'FormularyItem-F100-284520'), undefined);
    assert.equal(await versionOf(kit), 2);
    // An older version never replaces a newer one.
    const old = await importText(kit, formularyCsv(V1));
    assert.match(old.rejected[0]!.reason, /FORMULARY_VERSION 1 is older than the stored version 2/);
    assert.equal(old.rejected.length, 3);
    assert.equal(await versionOf(kit), 2);
  });

  it('leaves version N whole when the transaction of N+1 fails', async () => {
    const fail: { on?: string } = {};
    const kit = await openFormularyStore(open, (indexer) => ({
      extract: (r) => {
        if (r.id === fail.on) throw new Error('disk full');
        return indexer.extract(r);
      },
    }));
    await importText(kit, formularyCsv(V1));
    const before = await versionCount(kit.store);
    fail.on = 'FormularyItem-F100-1049640';
    const summary = await importText(kit, formularyCsv([
      { formulary_version: '2', rxcui: '1000091', tier_level_value: '4' },
      { formulary_version: '2', rxcui: '1049640' },
    ]));
    assert.equal(summary.formularies[0]!.written, false);
    assert.equal(summary.rejected.length, 2);
    assert.match(summary.rejected[0]!.reason, /could not be written \(its stored version is unchanged\): .*disk full/);
    assert.deepEqual(await items(kit), ['FormularyItem-F100-1000091', 'FormularyItem-F100-209459', 'FormularyItem-F100-284520']);
    assert.equal(await versionOf(kit), 1);
    assert.equal(await versionCount(kit.store), before);
  });

  it('--strict writes nothing when a row is rejected; without it the valid rows make the new version', async () => {
    const kit = await openFormularyStore(open);
    await importText(kit, formularyCsv(V1));
    const before = await versionCount(kit.store);
    const v2 = formularyCsv([{ formulary_version: '2', rxcui: '1000091' }, { formulary_version: '2', rxcui: '209459', tier_level_value: '9' }]);
    const strict = await importText(kit, v2, { strict: true });
    assert.equal(strict.written, false);
    assert.deepEqual(strict.rejected.map((r) => r.line), [3]);
    assert.equal(await versionCount(kit.store), before);
    assert.equal(await versionOf(kit), 1);
    const lenient = await importText(kit, v2);
    assert.equal(lenient.written, true);
    // The rejected row is left out of version 2: its item goes with the other absent ones.
    assert.deepEqual(await items(kit), ['FormularyItem-F100-1000091']);
    assert.equal(lenient.removed, 2);
  });

  it('reports broken rows by line and imports the rest', async () => {
    const kit = await openFormularyStore(open);
    const rows = formularyCsv([
      { rxcui: '1000091' },
      { rxcui: '20945X' },
      { rxcui: '209459', quantity_limit_yn: 'Y', quantity_limit_amount: '' , quantity_limit_days: '30' },
      { rxcui: '999999' },
      { rxcui: '284520', prior_authorization_yn: 'maybe' },
      { rxcui: '1000091' },
      { rxcui: '1049640' },
    ]).split('\n');
    rows.splice(8, 0, 'F100,1,2026,1541228,,1');
    const csv = `${rows.join('\n')}F100,1,2026,284520,,"2,N,,,N,N\n`;
    const summary = await importText(kit, csv);
    assert.deepEqual(summary.rejected.map((r) => [r.line, r.reason]), [
      [3, 'RXCUI: "20945X" is not an RxNorm concept id (digits only)'],
      [4, 'QUANTITY_LIMIT_YN is Y but QUANTITY_LIMIT_AMOUNT is empty'],
      [5, 'RXCUI 999999 is not in the drug-names file (or its row there was rejected)'],
      [6, 'PRIOR_AUTHORIZATION_YN: "maybe" is not yes or no'],
      [7, 'formulary F100 lists RXCUI 1000091 already on line 2'],
      [9, 'has 6 fields, the header has 11'],
      [10, 'unterminated quoted field (the quote opened on line 10 is never closed)'],
    ]);
    assert.deepEqual(await items(kit), ['FormularyItem-F100-1000091', 'FormularyItem-F100-1049640']);
  });

  it('rejects drug-names rows by their line in that file', async () => {
    const kit = await openFormularyStore(open);
    const drugs = `${DRUGS_CSV}abc,bad drug,,\n209459,acetaminophen again,,\n`;
    const summary = await importText(kit, formularyCsv(V1), { drugs });
    assert.deepEqual(summary.drugFile?.rejected.map((r) => r.line), [7, 8]);
    assert.deepEqual(summary.rejected, []);
    const strict = await importText(kit, formularyCsv(V1), { drugs, strict: true });
    assert.equal(strict.written, false);
  });

  it('imports the documented sample pair', async () => {
    const kit = await openFormularyStore(open);
    const summary = await importFormularyCsv(kit.store, ENV, example('formulary-sample.csv'), example('formulary-drugs-sample.csv'), {
      formularyParam: kit.formularyParam, validate: kit.validate,
    });
    assert.deepEqual(summary.rejected, []);
    assert.deepEqual(summary.drugFile?.rejected, []);
    const lines = readFileSync(example('formulary-sample.csv'), 'utf8').trim().split('\n').length - 1;
    assert.equal(summary.byType.Basic?.created, lines);
  });
});
