/**
 * Date parameter rows as [low, high) epoch-ms ranges. https://hl7.org/fhir/R4/search.html#date
 * date / dateTime / instant → the range their precision covers; Period → start's low to end's
 * high, open ends unbounded; Timing → its outer limits (events and repeat.boundsPeriod), since
 * "the specified scheduling details are ignored and only the outer limits matter".
 */
import type { IndexRow } from './index-row.js';
import { MAX_INSTANT, MIN_INSTANT, dateRange } from './normalize.js';
import { isObject, primitiveText, type Json, type TypedValue } from './typed-value.js';

export function dateRows(param: string, { type, value }: TypedValue, out: IndexRow[]): void {
  let range: { low: number; high: number } | undefined;
  if (type === 'Period' && isObject(value)) range = periodRange(value);
  else if (type === 'Timing' && isObject(value)) range = timingRange(value);
  else if (!isObject(value)) {
    const text = primitiveText(value);
    range = text === undefined ? undefined : dateRange(text);
  }
  if (range) out.push({ kind: 'date', param, low: range.low, high: range.high });
}

function periodRange(period: Json): { low: number; high: number } | undefined {
  const start = typeof period['start'] === 'string' ? dateRange(period['start']) : undefined;
  const end = typeof period['end'] === 'string' ? dateRange(period['end']) : undefined;
  if (!start && !end) return undefined;
  return { low: start?.low ?? MIN_INSTANT, high: end?.high ?? MAX_INSTANT };
}

function timingRange(timing: Json): { low: number; high: number } | undefined {
  let low = Infinity;
  let high = -Infinity;
  const widen = (r: { low: number; high: number } | undefined) => {
    if (!r) return;
    low = Math.min(low, r.low);
    high = Math.max(high, r.high);
  };
  const events = timing['event'];
  if (Array.isArray(events)) for (const e of events) if (typeof e === 'string') widen(dateRange(e));
  const repeat = timing['repeat'];
  if (isObject(repeat) && isObject(repeat['boundsPeriod'])) widen(periodRange(repeat['boundsPeriod']));
  return low === Infinity ? undefined : { low, high };
}
