/**
 * Number and quantity parameter rows, each with the [low, high) range its precision implies.
 * https://hl7.org/fhir/R4/search.html#number, #quantity
 * Quantity-like types (Quantity, Age, Duration, Distance, Count, SimpleQuantity, MoneyQuantity)
 * keep system/code/unit; Money uses its currency as an ISO 4217 code; Range spans low..high.
 * Numbers reach us parsed from JSON, so trailing zeros (`1.50`) are already gone: the range is
 * that of the shortest form (`1.5` → [1.45, 1.55)).
 */
import type { IndexRow } from './index-row.js';
import { numberRange } from './normalize.js';
import { isTypeOf } from './r4-model.js';
import { isObject, primitiveText, type Json, type TypedValue } from './typed-value.js';

type Range = { value: number; low: number; high: number };

/** Open Range ends: far beyond any real value, and storable as a double by every database. */
const OPEN = Number.MAX_VALUE;

export function numberRows(param: string, { type, value }: TypedValue, out: IndexRow[]): void {
  const range = type === 'Range' && isObject(value) ? rangeOf(value) : isQuantity(type) && isObject(value) ? decimal(value['value']) : decimal(value);
  if (range) out.push({ kind: 'number', param, value: range.value, low: range.low, high: range.high });
}

export function quantityRows(param: string, { type, value }: TypedValue, out: IndexRow[]): void {
  if (!isObject(value)) {
    const range = decimal(value);
    if (range) out.push({ kind: 'quantity', param, system: null, code: null, unit: null, ...range });
    return;
  }
  if (type === 'Range') {
    const range = rangeOf(value);
    const units = isObject(value['low']) ? value['low'] : isObject(value['high']) ? value['high'] : {};
    if (range) out.push({ kind: 'quantity', param, ...unitsOf(units), ...range });
    return;
  }
  if (type === 'Money') {
    const range = decimal(value['value']);
    const currency = typeof value['currency'] === 'string' ? value['currency'] : null;
    if (range) out.push({ kind: 'quantity', param, system: currency && 'urn:iso:std:iso:4217', code: currency, unit: null, ...range });
    return;
  }
  if (!isQuantity(type)) return; // SampledData and others have no single value
  const range = decimal(value['value']);
  if (range) out.push({ kind: 'quantity', param, ...unitsOf(value), ...range });
}

function isQuantity(type: string): boolean {
  return isTypeOf(type, 'Quantity');
}

function unitsOf(q: Json): { system: string | null; code: string | null; unit: string | null } {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : null);
  return { system: s('system'), code: s('code'), unit: s('unit') };
}

function decimal(value: unknown): Range | undefined {
  const text = primitiveText(value);
  return text === undefined ? undefined : numberRange(text);
}

/** A Range: low's lower bound to high's upper bound, open ends unbounded; value is low (or high). */
function rangeOf(range: Json): Range | undefined {
  const low = isObject(range['low']) ? decimal(range['low']['value']) : undefined;
  const high = isObject(range['high']) ? decimal(range['high']['value']) : undefined;
  if (!low && !high) return undefined;
  return { value: (low ?? high)!.value, low: low?.low ?? -OPEN, high: high?.high ?? OPEN };
}
