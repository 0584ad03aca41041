/**
 * Reference parameter rows. https://hl7.org/fhir/R4/search.html#reference
 * Reference → local target (`Type/id`, `Type/id/_history/n`, or an absolute URL under one of
 * our base URLs) or `url`, plus Reference.identifier for `:identifier`; contained `#id`
 * targets are not indexed. canonical / uri → `url` with `|version` split into `urlVersion`.
 */
import type { IndexRow, ReferenceIndexRow } from './index-row.js';
import { parseReference, type ReferenceScope } from './reference-parse.js';
import { isObject, primitiveText, type TypedValue } from './typed-value.js';

export function referenceRows(param: string, { type, value }: TypedValue, out: IndexRow[], scope: ReferenceScope): void {
  if (type === 'Reference' && isObject(value)) {
    const row = emptyRow(param);
    const ref = value['reference'];
    if (typeof ref === 'string') setTarget(row, ref, scope);
    const identifier = value['identifier'];
    if (isObject(identifier)) {
      row.identifierSystem = typeof identifier['system'] === 'string' ? identifier['system'] : null;
      row.identifierValue = typeof identifier['value'] === 'string' ? identifier['value'] : null;
    }
    if (row.targetId !== null || row.url !== null || row.identifierSystem !== null || row.identifierValue !== null) out.push(row);
    return;
  }
  if (isObject(value)) return;
  const text = primitiveText(value);
  if (text === undefined) return;
  const row = emptyRow(param);
  setTarget(row, text, scope);
  if (row.targetId !== null || row.url !== null) out.push(row);
}

function setTarget(row: ReferenceIndexRow, text: string, scope: ReferenceScope): void {
  const parsed = parseReference(text, scope);
  if (parsed?.kind === 'local') {
    row.targetType = parsed.type;
    row.targetId = parsed.id;
  } else if (parsed?.kind === 'url') {
    row.url = parsed.url;
    row.urlVersion = parsed.version;
  }
}

function emptyRow(param: string): ReferenceIndexRow {
  return { kind: 'reference', param, targetType: null, targetId: null, url: null, urlVersion: null, identifierSystem: null, identifierValue: null };
}
