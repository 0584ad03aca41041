/** Uri parameter rows: uri, url, canonical, oid, uuid as written. https://hl7.org/fhir/R4/search.html#uri */
import type { IndexRow } from './index-row.js';
import { isObject, primitiveText, type TypedValue } from './typed-value.js';

export function uriRows(param: string, { value }: TypedValue, out: IndexRow[]): void {
  if (isObject(value)) return;
  const uri = primitiveText(value);
  if (uri !== undefined && uri !== '') out.push({ kind: 'uri', param, uri });
}
