/**
 * String parameter rows. https://hl7.org/fhir/R4/search.html#string — a HumanName matches on
 * family, given, prefix, suffix and text; an Address on line, city, district, state,
 * postalCode, country and text. Each part is its own row so a prefix match can start at any
 * part (`name=joh` finds given `John` behind family `Smith`).
 */
import type { IndexRow } from './index-row.js';
import { normalizeString } from './normalize.js';
import { isObject, primitiveText, type TypedValue } from './typed-value.js';

const HUMAN_NAME_PARTS = ['family', 'given', 'prefix', 'suffix', 'text'] as const;
const ADDRESS_PARTS = ['line', 'city', 'district', 'state', 'postalCode', 'country', 'text'] as const;

export function stringRows(param: string, { type, value }: TypedValue, out: IndexRow[]): void {
  if (type === 'HumanName') return parts(param, value, HUMAN_NAME_PARTS, out);
  if (type === 'Address') return parts(param, value, ADDRESS_PARTS, out);
  // Other complex types have no string semantics in R4 search; primitives index as written.
  if (isObject(value)) return;
  const text = primitiveText(value);
  if (text !== undefined) push(param, text, out);
}

function parts(param: string, value: unknown, names: readonly string[], out: IndexRow[]): void {
  if (!isObject(value)) return;
  for (const name of names) {
    const part = value[name];
    if (typeof part === 'string') push(param, part, out);
    else if (Array.isArray(part)) for (const p of part) if (typeof p === 'string') push(param, p, out);
  }
}

function push(param: string, exact: string, out: IndexRow[]): void {
  const norm = normalizeString(exact);
  if (norm !== '') out.push({ kind: 'string', param, norm, exact });
}
