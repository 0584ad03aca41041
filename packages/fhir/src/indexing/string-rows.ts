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
const WORD_CHAR = /[\p{L}\p{N}]/u;

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

/**
 * For parameters matched at the start of any word: after `stringRows`, one more row per later
 * word of each value, holding the text from that word on (`24 hr metformin …` → `hr metformin …`,
 * `metformin …`; a word starts at a letter or digit after anything else, so `[glucophage]`
 * counts), and the ordinary prefix search finds any word. Their `exact` is empty: `:exact` and
 * `_sort` keep looking at the whole values only.
 */
export function wordStartRows(param: string, value: TypedValue, out: IndexRow[]): void {
  const start = out.length;
  stringRows(param, value, out);
  const end = out.length;
  for (let i = start; i < end; i++) {
    const row = out[i];
    if (row?.kind !== 'string') continue;
    const norm = row.norm;
    for (let at = 1; at < norm.length; at++) {
      if (WORD_CHAR.test(norm[at]!) && !WORD_CHAR.test(norm[at - 1]!)) out.push({ kind: 'string', param, norm: norm.slice(at), exact: '' });
    }
  }
}
