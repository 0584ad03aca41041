/**
 * Turns one (already OR-split) search value into a typed SearchValue, by parameter type and
 * modifier. Malformed values throw a 400 naming the parameter.
 * https://hl7.org/fhir/R4/search.html#ptypes
 */
import type { SearchParamDef } from '../definitions/types.js';
import { badRequest } from '../errors/fhir-error.js';
import { dateRange, normalizeString, numberRange } from '../indexing/normalize.js';
import type { Modifier, Prefix, SearchValue } from './query.js';
import { splitUnescaped, unescapeValue } from './split-values.js';
import { isFhirId } from '../fhir-id.js';

const PREFIXES: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap']);
const TYPED_REF_RE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE_RE = /^[a-z][a-z0-9+.-]*:/i;

/** Parses one value for `param` with `modifier` (`name` is the parameter as written, for messages). */
export function parseValue(name: string, param: SearchParamDef, modifier: Modifier | undefined, raw: string, typeModifier?: string): SearchValue {
  if (modifier === 'missing') {
    if (raw !== 'true' && raw !== 'false') throw badRequest(`':missing' takes true or false, not '${raw}'`, 'invalid', name);
    return { kind: 'missing', missing: raw === 'true' };
  }
  if (param.code === '_id') return parseId(name, raw);
  switch (param.type) {
    case 'string': {
      const value = unescapeValue(raw);
      return { kind: 'string', raw: value, norm: normalizeString(value) };
    }
    case 'token':
      return modifier === 'text' ? { kind: 'token-text', norm: normalizeString(unescapeValue(raw)) } : parseToken(raw);
    case 'reference':
      return modifier === 'identifier' ? parseIdentifier(raw) : parseReference(name, param, raw, typeModifier);
    case 'date':
      return parseDate(name, raw);
    case 'number':
      return parseNumber(name, raw);
    case 'quantity':
      return parseQuantity(name, raw);
    case 'uri':
      return { kind: 'uri', uri: unescapeValue(raw) };
    case 'special':
      if (param.code === 'near') return parseNear(name, raw);
      break;
  }
  throw badRequest(`Search parameter '${name}' (type ${param.type}) is not supported`, 'not-supported', name);
}

function parseId(name: string, raw: string): SearchValue {
  const value = unescapeValue(raw);
  const typed = TYPED_REF_RE.exec(value);
  const id = typed ? typed[2]! : value;
  if (!isFhirId(id)) throw badRequest(`'${value}' is not a valid resource id`, 'invalid', name);
  // `_id=Practitioner/123` is accepted like a reference value; the type is checked by the caller.
  return { kind: 'token', system: typed ? typed[1] : undefined, code: id };
}

function parseToken(raw: string): SearchValue {
  const parts = splitUnescaped(raw, '|');
  if (parts.length === 1) return { kind: 'token', system: undefined, code: unescapeValue(parts[0]!) };
  const system = unescapeValue(parts[0]!);
  const code = unescapeValue(parts.slice(1).join('|'));
  return { kind: 'token', system, code: code === '' ? undefined : code };
}

function parseIdentifier(raw: string): SearchValue {
  const token = parseToken(raw);
  if (token.kind !== 'token') throw new Error('unreachable');
  return { kind: 'identifier', system: token.system === '' ? undefined : token.system, value: token.code };
}

function parseReference(name: string, param: SearchParamDef, raw: string, typeModifier: string | undefined): SearchValue {
  const value = unescapeValue(raw);
  const typed = TYPED_REF_RE.exec(value);
  if (typed) {
    const [, type, id] = typed;
    if (typeModifier && type !== typeModifier) throw badRequest(`'${value}' is not a ${typeModifier} reference`, 'invalid', name);
    checkTarget(name, param, type!);
    return { kind: 'reference', targetType: type, id, url: undefined, version: undefined };
  }
  if (ABSOLUTE_RE.test(value)) {
    const [url, version] = value.split('|');
    return { kind: 'reference', targetType: undefined, id: undefined, url, version: version || undefined };
  }
  if (!isFhirId(value)) throw badRequest(`'${value}' is not a valid reference (id, Type/id or URL)`, 'invalid', name);
  // A bare id: restrict to the one target type when the parameter (or :Type) names exactly one.
  const only = typeModifier ?? (param.target.length === 1 ? param.target[0] : undefined);
  return { kind: 'reference', targetType: only, id: value, url: undefined, version: undefined };
}

function checkTarget(name: string, param: SearchParamDef, type: string): void {
  if (param.target.length > 0 && !param.target.includes(type)) {
    throw badRequest(`'${name}' cannot refer to ${type} (allowed: ${param.target.join(', ')})`, 'invalid', name);
  }
}

/** Splits a leading comparison prefix (`ge2020`) from its value. */
function splitPrefix(raw: string): [Prefix, string] {
  const head = raw.slice(0, 2);
  return PREFIXES.has(head) && /^[0-9+-]/.test(raw.slice(2)) ? [head as Prefix, raw.slice(2)] : ['eq', raw];
}

function parseDate(name: string, raw: string): SearchValue {
  const [prefix, text] = splitPrefix(raw);
  const range = dateRange(text);
  if (!range) throw badRequest(`'${raw}' is not a valid date for '${name}' (expected YYYY, YYYY-MM, YYYY-MM-DD or a dateTime)`, 'invalid', name);
  const { low, high } = approximate(prefix, range, (range.low + range.high) / 2, Date.now());
  // Instants are whole milliseconds (bigint columns): widen outwards to whole numbers.
  return { kind: 'date', prefix, low: Math.floor(low), high: Math.ceil(high), raw };
}

function parseNumber(name: string, raw: string): SearchValue {
  const [prefix, text] = splitPrefix(raw);
  const parsed = numberRange(text);
  if (!parsed) throw badRequest(`'${raw}' is not a valid number for '${name}'`, 'invalid', name);
  return { kind: 'number', prefix, value: parsed.value, ...approximate(prefix, parsed, parsed.value, 0), raw };
}

function parseQuantity(name: string, raw: string): SearchValue {
  const parts = splitUnescaped(raw, '|');
  const [prefix, text] = splitPrefix(parts[0]!);
  const parsed = numberRange(text);
  if (!parsed || parts.length > 3) throw badRequest(`'${raw}' is not a valid quantity for '${name}' (expected [prefix]number[|system|code])`, 'invalid', name);
  const system = parts[1] ? unescapeValue(parts[1]) : undefined;
  const code = parts[2] ? unescapeValue(parts[2]) : undefined;
  return { kind: 'quantity', prefix, value: parsed.value, ...approximate(prefix, parsed, parsed.value, 0), system, code, raw };
}

/**
 * For `ap`, widens the search range by 10 % of the distance between the value and a reference
 * point (now for dates, zero for numbers) — the spec leaves "approximately" to the server; the
 * 10 % rule is its recommendation. Other prefixes keep the precision range.
 */
function approximate(prefix: Prefix, range: { low: number; high: number }, center: number, reference: number): { low: number; high: number } {
  if (prefix !== 'ap') return { low: range.low, high: range.high };
  const margin = Math.abs(center - reference) * 0.1;
  return { low: range.low - margin, high: range.high + margin };
}

const KM_PER_UNIT: Readonly<Record<string, number>> = {
  km: 1, m: 0.001, mi: 1.609344, '[mi_i]': 1.609344, '[mi_us]': 1.609347,
};

function parseNear(name: string, raw: string): SearchValue {
  const parts = splitUnescaped(raw, '|');
  const latitude = Number(parts[0]);
  const longitude = Number(parts[1]);
  if (parts.length < 2 || parts.length > 4 || parts[0] === '' || parts[1] === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw badRequest(`'${raw}' is not a valid 'near' value (expected latitude|longitude|distance|unit)`, 'invalid', name);
  }
  const distance = parts[2] ? Number(parts[2]) : 50;
  const unit = parts[3] || 'km';
  const factor = KM_PER_UNIT[unit];
  if (!Number.isFinite(distance) || distance < 0) throw badRequest(`'${parts[2]}' is not a valid distance for 'near'`, 'invalid', name);
  if (factor === undefined) throw badRequest(`Unit '${unit}' is not supported for 'near' (use km, m or mi)`, 'invalid', name);
  return { kind: 'near', latitude, longitude, distanceKm: distance * factor };
}
