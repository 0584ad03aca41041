/**
 * Test helpers for formulary imports (tests only): formulary and drug-names CSV text from a few
 * fields per row, and a store of the dialect under test with the real indexer, `production`
 * created, plus what `applyFormularyPlan` needs from the registry (the `formulary` parameter, the validator).
 */
import { createValidator, indexedParams, type Indexer, type SearchParamDef } from '@payerport/fhir';
import { testIndexer, testRegistry } from '@payerport/fhir/testing';
import type { SqlStore } from '@payerport/store';
import type { OpenStore } from '@payerport/store/testing';
import { profileValidation } from '../roster/profile-validation.js';
import type { ValidateResource } from '../roster/screen-resources.js';
import { FORMULARY_COLUMNS } from './formulary-columns.js';

export { ENV, tempFile, current, versionCount } from '../roster/test-roster.js';

export const BASE_ITEM: Readonly<Record<string, string>> = Object.freeze({
  formulary_id: 'F100', formulary_version: '1', contract_year: '2026', rxcui: '1000091', ndc: '00093505601', tier_level_value: '1',
  quantity_limit_yn: 'N', quantity_limit_amount: '', quantity_limit_days: '', prior_authorization_yn: 'N', step_therapy_yn: 'N',
});

/** A formulary CSV (CMS upper-case headers); each row is BASE_ITEM with `overrides`. */
export function formularyCsv(rows: readonly Record<string, string>[]): string {
  const headers = FORMULARY_COLUMNS.map((c) => c.header);
  return [headers.map((h) => h.toUpperCase()).join(','), ...rows.map((r) => headers.map((h) => ({ ...BASE_ITEM, ...r })[h] ?? '').join(','))].join('\n') + '\n';
}

export const DRUGS_CSV = [
  'RXCUI,DRUG_NAME,DOSE_FORM,STRENGTH',
  '1000091,doxepin hydrochloride 50 MG/ML Topical Cream,Topical Cream,50 MG/ML',
  '209459,acetaminophen 500 MG Oral Tablet,Oral Tablet,500 MG',
  '284520,"bupropion hydrochloride 150 MG 24HR Extended Release Oral Tablet",Extended Release Oral Tablet,150 MG',
  '1049640,oxycodone hydrochloride 5 MG Oral Tablet,,',
  '1541228,insulin glargine 100 UNT/ML Injectable Solution,Injectable Solution,100 UNT/ML',
].join('\n') + '\n';

export interface FormularyTestKit {
  readonly store: SqlStore;
  readonly formularyParam: SearchParamDef;
  readonly validate: ValidateResource;
}

export async function openFormularyStore(open: OpenStore, wrap?: (indexer: Indexer) => Indexer): Promise<FormularyTestKit> {
  const registry = await testRegistry();
  const indexer = await testIndexer();
  const store = await open({ indexer: wrap ? wrap(indexer) : indexer, paramTypes: indexedParams(registry) });
  await store.ensureEnvironment('production');
  return { store, formularyParam: registry.searchParam('Basic', 'formulary')!, validate: profileValidation(createValidator(registry)) };
}
