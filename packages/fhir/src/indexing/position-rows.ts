/** Location.position for `near` (https://hl7.org/fhir/R4/location.html#positional). */
import type { IndexRow } from './index-row.js';
import { isObject, primitiveText, type TypedValue } from './typed-value.js';

export function positionRows(param: string, { value }: TypedValue, out: IndexRow[]): void {
  if (!isObject(value)) return;
  const latitude = coordinate(value['latitude']);
  const longitude = coordinate(value['longitude']);
  if (latitude === undefined || longitude === undefined) return;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return;
  out.push({ kind: 'position', param, latitude, longitude });
}

function coordinate(value: unknown): number | undefined {
  const text = primitiveText(value);
  const n = text === undefined || text === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}
