/**
 * JSON representation and lexical format of the FHIR R4 primitive types.
 * Regular expressions are the ones the R4 specification publishes: https://hl7.org/fhir/R4/datatypes.html#primitive
 */
import { FHIR_ID } from '../fhir-id.js';

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

type StringRule = { readonly regex: RegExp; readonly what: string };

const STRING_FORMATS: ReadonlyMap<string, StringRule> = new Map([
  ['date', { regex: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`), what: 'a date (YYYY, YYYY-MM or YYYY-MM-DD)' }],
  ['dateTime', { regex: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`), what: 'a dateTime (a date, or date and time with a time zone)' }],
  ['instant', { regex: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`), what: 'an instant (date and time to the second, with a time zone)' }],
  ['time', { regex: new RegExp(`^${TIME}$`), what: 'a time (hh:mm:ss)' }],
  ['id', { regex: FHIR_ID, what: 'an id (1-64 letters, digits, "-" and ".")' }],
  ['code', { regex: /^[^\s]+( [^\s]+)*$/, what: 'a code (no leading, trailing or repeated whitespace)' }],
  ['oid', { regex: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/, what: 'an OID (urn:oid:…)' }],
  ['uuid', { regex: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, what: 'a UUID (urn:uuid:…, lower case)' }],
  ['uri', { regex: /^\S+$/, what: 'a URI (no whitespace)' }],
  ['url', { regex: /^\S+$/, what: 'a URL (no whitespace)' }],
  ['canonical', { regex: /^\S+$/, what: 'a canonical URL (no whitespace)' }],
  ['base64Binary', { regex: /^[A-Za-z0-9+/=\s]+$/, what: 'base64 data' }],
  // Strings may hold any character but must not be empty (R4 regex `[ \r\n\t\S]+`).
  ['string', { regex: /^[\s\S]+$/, what: 'a non-empty string' }],
  ['markdown', { regex: /^[\s\S]+$/, what: 'non-empty markdown' }],
  ['xhtml', { regex: /^[\s\S]+$/, what: 'XHTML' }],
]);

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** Every primitive type code of R4 (lower-case first letter, as in StructureDefinition.type.code). */
export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  ...STRING_FORMATS.keys(), 'boolean', 'integer', 'positiveInt', 'unsignedInt', 'decimal',
]);

/** Why `value` is not a valid JSON representation of primitive `type`, or undefined when it is. */
export function primitiveProblem(type: string, value: unknown): string | undefined {
  const rule = STRING_FORMATS.get(type);
  if (rule) {
    if (typeof value !== 'string') return `must be a JSON string holding ${rule.what}, not ${describe(value)}`;
    return rule.regex.test(value) ? undefined : `"${clip(value)}" is not ${rule.what}`;
  }
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be a JSON boolean (true or false), not ${describe(value)}`;
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `must be a JSON number, not ${describe(value)}`;
    case 'integer':
      return integerProblem(value, INT32_MIN);
    case 'unsignedInt':
      return integerProblem(value, 0);
    case 'positiveInt':
      return integerProblem(value, 1);
    default:
      return undefined;
  }
}

function integerProblem(value: unknown, min: number): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a JSON integer, not ${describe(value)}`;
  if (value < min || value > INT32_MAX) return `${value} is outside ${min}..${INT32_MAX}`;
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${clip(value)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
