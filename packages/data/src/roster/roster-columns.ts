/**
 * The roster CSV columns, one entry each: header, whether it is required, how its cell is
 * checked, and where it lands in FHIR. docs/roster-import.md documents this same table.
 */
import { ACCEPTING_PATIENTS_CODES, PROVIDER_ROLE_CODES } from './plannet-terms.js';
import {
  type Checked, checkDate, checkFhirId, checkInstant, checkLanguage, checkNpi, checkPhone, checkState, checkTaxonomy, checkYesNo, checkZip,
} from './field-formats.js';

/** One valid roster row, normalised. */
export interface RosterRow {
  readonly line: number;
  readonly npi: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly lastName: string;
  readonly suffix?: string;
  readonly gender?: string;
  readonly roleCode?: string;
  readonly specialties: readonly string[];
  readonly locationId?: string;
  /** Plan-Net requires Location.name. */
  readonly locationName: string;
  readonly addressLine1: string;
  readonly addressLine2?: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly phone: string;
  /** AcceptingPatientsCS code. */
  readonly acceptingPatients: string;
  readonly languages: readonly string[];
  readonly networkId: string;
  readonly effectiveStart: string;
  readonly effectiveEnd?: string;
  /** An instant; absent: the importer uses the file's modification time. */
  readonly sourceLastChanged?: string;
}

type Field = Exclude<keyof RosterRow, 'line'>;

export interface RosterColumn {
  readonly header: string;
  readonly field: Field;
  readonly required: boolean;
  /** Checks a non-empty cell (already trimmed). */
  readonly check: (text: string) => Checked<unknown>;
}

const text = (max: number) => (t: string): Checked<string> => (t.length <= max ? { value: t } : { error: `longer than ${max} characters` });

/** `a;b;c` (or `a|b|c`): each part checked, duplicates dropped, order kept. */
const listOf = (check: (t: string) => Checked<string>) => (t: string): Checked<string[]> => {
  const values: string[] = [];
  for (const part of t.split(/[;|]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const one = check(part);
    if ('error' in one) return one;
    if (!values.includes(one.value)) values.push(one.value);
  }
  return { value: values };
};

const GENDERS: Record<string, string> = { m: 'male', male: 'male', f: 'female', female: 'female', o: 'other', other: 'other', u: 'unknown', unknown: 'unknown' };

const gender = (t: string): Checked<string> => {
  const g = GENDERS[t.toLowerCase()];
  return g ? { value: g } : { error: `gender ${JSON.stringify(t)} is not male, female, other or unknown` };
};

const roleCode = (t: string): Checked<string> => (PROVIDER_ROLE_CODES.has(t.toLowerCase())
  ? { value: t.toLowerCase() }
  : { error: `role code ${JSON.stringify(t)} is not a Plan-Net ProviderRoleCS code (e.g. ph, rn, pa)` });

/** yes/no, or an AcceptingPatientsCS code for the finer answers. */
const accepting = (t: string): Checked<string> => {
  if (ACCEPTING_PATIENTS_CODES.has(t.toLowerCase())) return { value: t.toLowerCase() };
  const yn = checkYesNo(t);
  if ('error' in yn) return { error: `accepting_new_patients ${JSON.stringify(t)} is not yes, no, newpt, nopt, existptonly or existptfam` };
  return { value: yn.value ? 'newpt' : 'nopt' };
};

const column = (header: string, field: Field, required: boolean, check: RosterColumn['check']): RosterColumn => ({ header, field, required, check });

export const ROSTER_COLUMNS: readonly RosterColumn[] = Object.freeze([
  column('npi', 'npi', true, checkNpi),
  column('first_name', 'firstName', true, text(100)),
  column('middle_name', 'middleName', false, text(100)),
  column('last_name', 'lastName', true, text(100)),
  column('suffix', 'suffix', false, text(40)),
  column('gender', 'gender', false, gender),
  column('role_code', 'roleCode', false, roleCode),
  column('specialty_codes', 'specialties', true, listOf(checkTaxonomy)),
  column('location_id', 'locationId', false, text(200)),
  column('location_name', 'locationName', true, text(200)),
  column('address_line1', 'addressLine1', true, text(200)),
  column('address_line2', 'addressLine2', false, text(200)),
  column('city', 'city', true, text(100)),
  column('state', 'state', true, checkState),
  column('zip', 'zip', true, checkZip),
  column('phone', 'phone', true, checkPhone),
  column('accepting_new_patients', 'acceptingPatients', true, accepting),
  column('languages', 'languages', false, listOf(checkLanguage)),
  column('network_id', 'networkId', true, checkFhirId),
  column('effective_start', 'effectiveStart', true, checkDate),
  column('effective_end', 'effectiveEnd', false, checkDate),
  column('source_last_changed', 'sourceLastChanged', false, checkInstant),
]);
