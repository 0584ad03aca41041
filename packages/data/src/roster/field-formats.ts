/**
 * Checks and normalises one roster cell each. A check returns the normalised value, or an
 * error saying what is wrong in words a roster clerk understands.
 */

import { isFhirId } from '@payerport/fhir';
import { npiCheckDigit } from '../directory/npi.js';

export type Checked<T> = { readonly value: T } | { readonly error: string };

const ok = <T>(value: T): Checked<T> => ({ value });
const bad = <T>(error: string): Checked<T> => ({ error });

/**
 * NPI: 10 digits, first 1 or 2, last a Luhn check digit computed over `80840` + the first nine
 * (the card-issuer prefix the NPI standard prescribes).
 * https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf
 */
export function checkNpi(text: string): Checked<string> {
  if (!/^\d{10}$/.test(text)) return bad(`NPI ${JSON.stringify(text)} is not 10 digits`);
  if (text[0] !== '1' && text[0] !== '2') return bad(`NPI ${text} must start with 1 or 2`);
  const expected = npiCheckDigit(text.slice(0, 9));
  if (Number(text[9]) !== expected) return bad(`NPI ${text} has a wrong check digit (expected ${expected})`);
  return ok(text);
}

/** NUCC Health Care Provider Taxonomy code shape, e.g. 207R00000X (https://taxonomy.nucc.org/). */
export function checkTaxonomy(text: string): Checked<string> {
  const code = text.toUpperCase();
  return /^\d{3}[0-9A-Z]{6}X$/.test(code) ? ok(code) : bad(`${JSON.stringify(text)} is not a NUCC taxonomy code (10 characters like 207R00000X)`);
}

/** USPS state and territory codes, plus the military "states" AA, AE, AP. */
const STATES = new Set((
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
  'RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI UM FM MH PW AA AE AP'
).split(' '));

export function checkState(text: string): Checked<string> {
  const code = text.toUpperCase();
  return STATES.has(code) ? ok(code) : bad(`${JSON.stringify(text)} is not a US state code (two letters, e.g. CT)`);
}

/** ZIP or ZIP+4; normalised to `12345` or `12345-6789`. */
export function checkZip(text: string): Checked<string> {
  const m = /^(\d{5})(?:-?(\d{4}))?$/.exec(text);
  if (m) return ok(m[2] ? `${m[1]}-${m[2]}` : m[1]!);
  // Spreadsheets drop leading zeros (06103 → 6103): say so, because it is the usual cause.
  const hint = /^\d{3,4}$/.test(text) ? ' (leading zeros lost by a spreadsheet?)' : '';
  return bad(`ZIP ${JSON.stringify(text)} is not 5 digits or ZIP+4${hint}`);
}

/** A NANP phone number, any punctuation, optional +1, optional extension; normalised to `860-555-0142[ ext. 12]`. */
export function checkPhone(text: string): Checked<string> {
  const m = /^(.*?)(?:\s*(?:x|ext\.?|extension)\s*(\d{1,6}))?$/i.exec(text.trim())!;
  const ext = m[2];
  let digits = m[1]!.replace(/[\s().\-+]/g, '');
  if (!/^\d+$/.test(digits)) return bad(`phone ${JSON.stringify(text)} has characters other than digits and ( ) - . +`);
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return bad(`phone ${JSON.stringify(text)} is not a 10-digit US number`);
  if (!/^[2-9]\d{2}[2-9]/.test(digits)) return bad(`phone ${JSON.stringify(text)} is not a valid US number (area code and exchange start with 2-9)`);
  const formatted = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return ok(ext ? `${formatted} ext. ${ext}` : formatted);
}

/** A calendar date as YYYY-MM-DD or MM/DD/YYYY (what spreadsheets write); normalised to YYYY-MM-DD. */
export function checkDate(text: string): Checked<string> {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let [y, mo, d] = m ? [m[1]!, m[2]!, m[3]!] : ['', '', ''];
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) return bad(`date ${JSON.stringify(text)} is not YYYY-MM-DD or MM/DD/YYYY`);
    [y, mo, d] = [m[3]!, m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0')];
  }
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return bad(`date ${JSON.stringify(text)} does not exist`);
  return ok(`${y}-${mo}-${d}`);
}

/** A date (midnight UTC) or a date-time with a time zone; normalised to an instant (`...T..:..:..(.sss)Z`). */
export function checkInstant(text: string): Checked<string> {
  const date = checkDate(text);
  if ('value' in date) return ok(`${date.value}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    return bad(`${JSON.stringify(text)} is not a date or a date-time with a time zone (2026-01-31 or 2026-01-31T09:30:00Z)`);
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? bad(`${JSON.stringify(text)} is not a valid date-time`) : ok(new Date(ms).toISOString());
}

const YES = new Set(['y', 'yes', 'true', '1']);
const NO = new Set(['n', 'no', 'false', '0']);

export function checkYesNo(text: string): Checked<boolean> {
  const t = text.toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(`${JSON.stringify(text)} is not yes or no`);
}

/**
 * A BCP-47 language tag (https://www.rfc-editor.org/rfc/rfc5646): language, optional script,
 * region and variants. Shape only — the subtag registry is not consulted. Normalised case (`zh-Hant-TW`).
 */
export function checkLanguage(text: string): Checked<string> {
  const m = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*)$/i.exec(text);
  if (!m) return bad(`${JSON.stringify(text)} is not a BCP-47 language tag (e.g. en, es, zh-Hant)`);
  const script = m[2] ? `-${m[2][0]!.toUpperCase()}${m[2].slice(1).toLowerCase()}` : '';
  const region = m[3] ? `-${m[3].toUpperCase()}` : '';
  return ok(`${m[1]!.toLowerCase()}${script}${region}${m[4]!.toLowerCase()}`);
}

/** https://hl7.org/fhir/R4/datatypes.html#id — network ids become `Organization/<id>`. */
export function checkFhirId(text: string): Checked<string> {
  return isFhirId(text) ? ok(text) : bad(`${JSON.stringify(text)} is not a FHIR id (A-Z a-z 0-9 - . up to 64)`);
}
