/**
 * Token parameter rows. https://hl7.org/fhir/R4/search.html#token
 * Coding → system|code (display as text); CodeableConcept → one row per coding, and its
 * `text` as a row of its own with no system/code (so `:text` prefix-matches either the text
 * or any display, each from its start); Identifier → system|value (type.text as text);
 * ContactPoint → system|value; code, string, id, uri, boolean → the value with no system.
 */
import type { IndexRow } from './index-row.js';
import { normalizeString } from './normalize.js';
import { isObject, primitiveText, type Json, type TypedValue } from './typed-value.js';

export function tokenRows(param: string, { type, value }: TypedValue, out: IndexRow[]): void {
  if (!isObject(value)) {
    // code, string, id, uri... as written; boolean as 'true' / 'false'.
    const text = primitiveText(value);
    if (text !== undefined && text !== '') push(param, null, text, null, out);
    return;
  }
  switch (type) {
    case 'Coding': return coding(param, value, out);
    case 'CodeableConcept': {
      const codings = value['coding'];
      if (Array.isArray(codings)) for (const c of codings) if (isObject(c)) coding(param, c, out);
      const text = str(value['text']);
      if (text !== null) push(param, null, null, text, out);
      return;
    }
    case 'Identifier':
      return push(param, str(value['system']), str(value['value']), isObject(value['type']) ? str(value['type']['text']) : null, out);
    case 'ContactPoint':
      if (str(value['value']) !== null) push(param, str(value['system']), str(value['value']), null, out);
      return;
  }
}

function coding(param: string, c: Json, out: IndexRow[]): void {
  push(param, str(c['system']), str(c['code']), str(c['display']), out);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function push(param: string, system: string | null, code: string | null, display: string | null, out: IndexRow[]): void {
  const text = display === null ? null : normalizeString(display) || null;
  if (system === null && code === null && text === null) return; // nothing a token search could match
  out.push({ kind: 'token', param, system, code, text });
}
