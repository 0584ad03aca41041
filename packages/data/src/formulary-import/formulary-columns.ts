/**
 * The two CSV files of a formulary import, one table entry per column. The formulary file follows
 * the CMS Part D "basic drugs formulary file" layout; the drug-names file is payerport's own
 * (the CMS file carries no drug names). docs/formulary-import.md documents these same tables.
 */
import { checkFhirId, checkYesNo, type Checked } from '../roster/field-formats.js';
import { TIER_CODES } from './usdf-terms.js';
import type { TableColumn } from './csv-table.js';

/** One checked row of the formulary file. */
export interface FormularyRow {
  readonly line: number;
  readonly formularyId: string;
  readonly version: number;
  readonly contractYear: number;
  readonly rxcui: string;
  readonly ndc?: string;
  readonly tier: number;
  readonly quantityLimit: boolean;
  readonly quantityLimitAmount?: number;
  readonly quantityLimitDays?: number;
  readonly priorAuthorization: boolean;
  readonly stepTherapy: boolean;
}

/** One checked row of the drug-names file. */
export interface DrugRow {
  readonly line: number;
  readonly rxcui: string;
  readonly name: string;
  readonly doseForm?: string;
  readonly strength?: string;
}

const ok = <T>(value: T): Checked<T> => ({ value });
const bad = (error: string): Checked<never> => ({ error });

export function checkRxcui(text: string): Checked<string> {
  return /^\d{1,10}$/.test(text) ? ok(String(Number(text))) : bad(`${JSON.stringify(text)} is not an RxNorm concept id (digits only)`);
}

const wholeNumber = (min: number, max: number, what: string) => (text: string): Checked<number> =>
  /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? ok(Number(text)) : bad(`${JSON.stringify(text)} is not ${what}`);

function checkAmount(text: string): Checked<number> {
  const n = Number(text);
  return /^\d+(\.\d+)?$/.test(text) && n > 0 ? ok(n) : bad(`${JSON.stringify(text)} is not a positive quantity`);
}

/** 11 digits (the CMS file's form), or the 10-digit labeler-product-package forms with hyphens (4-4-2, 5-3-2, 5-4-1). */
function checkNdc(text: string): Checked<string> {
  return /^\d{11}$/.test(text) || /^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})$/.test(text) ? ok(text) : bad(`${JSON.stringify(text)} is not an NDC`);
}

function checkFormularyId(text: string): Checked<string> {
  // Part of resource ids (`FormularyItem-<id>-<rxcui>`, 64 characters at most).
  const id = checkFhirId(text);
  return 'error' in id || text.length > 32 ? bad(`${JSON.stringify(text)} is not a formulary id (A-Z a-z 0-9 - . up to 32)`) : id;
}

const text = (t: string): Checked<string> => ok(t);

export const FORMULARY_COLUMNS: readonly TableColumn[] = [
  { header: 'formulary_id', field: 'formularyId', required: true, check: checkFormularyId },
  { header: 'formulary_version', field: 'version', required: true, check: wholeNumber(1, 999_999, 'a version number (1 or more)') },
  { header: 'contract_year', field: 'contractYear', required: true, check: wholeNumber(2000, 2100, 'a contract year (e.g. 2026)') },
  { header: 'rxcui', field: 'rxcui', required: true, check: checkRxcui },
  { header: 'ndc', field: 'ndc', required: false, check: checkNdc },
  { header: 'tier_level_value', field: 'tier', required: true, check: wholeNumber(1, TIER_CODES.size, `a tier level (1 to ${TIER_CODES.size})`) },
  { header: 'quantity_limit_yn', field: 'quantityLimit', required: true, check: checkYesNo },
  { header: 'quantity_limit_amount', field: 'quantityLimitAmount', required: false, check: checkAmount },
  { header: 'quantity_limit_days', field: 'quantityLimitDays', required: false, check: wholeNumber(1, 999, 'a number of days (1 to 999)') },
  { header: 'prior_authorization_yn', field: 'priorAuthorization', required: true, check: checkYesNo },
  { header: 'step_therapy_yn', field: 'stepTherapy', required: true, check: checkYesNo },
];

export const DRUG_COLUMNS: readonly TableColumn[] = [
  { header: 'rxcui', field: 'rxcui', required: true, check: checkRxcui },
  { header: 'drug_name', field: 'name', required: true, check: text },
  { header: 'dose_form', field: 'doseForm', required: false, check: text },
  { header: 'strength', field: 'strength', required: false, check: text },
];

/** Checks that span cells of one formulary row. */
export function rowConsistency(row: FormularyRow): string[] {
  if (row.quantityLimit) {
    const missing = [row.quantityLimitAmount === undefined ? 'QUANTITY_LIMIT_AMOUNT' : '', row.quantityLimitDays === undefined ? 'QUANTITY_LIMIT_DAYS' : ''].filter((m) => m !== '');
    return missing.length > 0 ? [`QUANTITY_LIMIT_YN is Y but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty`] : [];
  }
  return row.quantityLimitAmount !== undefined || row.quantityLimitDays !== undefined ? ['QUANTITY_LIMIT_YN is N but a quantity limit amount or days is given'] : [];
}
