/**
 * The condition one search value puts on one index row (alias `x`), per index table.
 * Prefix semantics: https://hl7.org/fhir/R4/search.html#prefix — dates compare the row's
 * [low, high) range with the value's range; numbers and quantities compare the row's value
 * with the value's precision range.
 */
import type { Prefix, SearchValue } from '@payerport/fhir';
import { FhirError } from '@payerport/fhir';
import { type Fragment, PREFIX_END, allOf, escapeLike, frag } from './fragment.js';

/** Range predicate for a row range [lo, hi) against a search range [low, high). */
export function rangeCondition(lo: string, hi: string, prefix: Prefix, low: number, high: number): Fragment {
  switch (prefix) {
    case 'eq': return frag(`(${lo} >= ? AND ${hi} <= ?)`, low, high);
    case 'ne': return frag(`NOT (${lo} >= ? AND ${hi} <= ?)`, low, high);
    case 'gt': return frag(`${hi} > ?`, high);
    case 'lt': return frag(`${lo} < ?`, low);
    case 'ge': return frag(`(${hi} > ? OR (${lo} >= ? AND ${hi} <= ?))`, high, low, high);
    case 'le': return frag(`(${lo} < ? OR (${lo} >= ? AND ${hi} <= ?))`, low, low, high);
    case 'sa': return frag(`${lo} >= ?`, high);
    case 'eb': return frag(`${hi} <= ?`, low);
    case 'ap': return frag(`(${lo} < ? AND ${hi} > ?)`, high, low);
  }
}

/** Point predicate for a row value against a search value and its precision range [low, high). */
export function pointCondition(column: string, prefix: Prefix, value: number, low: number, high: number): Fragment {
  switch (prefix) {
    case 'eq': case 'ap': return frag(`(${column} >= ? AND ${column} < ?)`, low, high);
    case 'ne': return frag(`NOT (${column} >= ? AND ${column} < ?)`, low, high);
    case 'gt': case 'sa': return frag(`${column} > ?`, value);
    case 'lt': case 'eb': return frag(`${column} < ?`, value);
    case 'ge': return frag(`${column} >= ?`, value);
    case 'le': return frag(`${column} <= ?`, value);
  }
}

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = 111.195;

/** Condition of one value on an index row aliased `x` (the caller picks the table). */
export function valueCondition(value: SearchValue, modifier: string | undefined): Fragment {
  switch (value.kind) {
    case 'string':
      if (modifier === 'exact') return frag('x.exact = ?', value.raw);
      if (modifier === 'contains') return frag(`x.norm LIKE ? ESCAPE '\\'`, `%${escapeLike(value.norm)}%`);
      return frag('(x.norm >= ? AND x.norm < ?)', value.norm, value.norm + PREFIX_END);
    case 'token':
      if (value.system === undefined) return frag('x.code = ?', value.code);
      if (value.system === '') return frag('(x.system IS NULL AND x.code = ?)', value.code);
      if (value.code === undefined) return frag('x.system = ?', value.system);
      return frag('(x.system = ? AND x.code = ?)', value.system, value.code);
    case 'token-text':
      return frag('(x.text >= ? AND x.text < ?)', value.norm, value.norm + PREFIX_END);
    case 'reference':
      if (value.url !== undefined) {
        return value.version === undefined ? frag('x.url = ?', value.url) : frag('(x.url = ? AND x.url_version = ?)', value.url, value.version);
      }
      if (value.targetType === undefined) return frag('x.target_id = ?', value.id);
      return frag('(x.target_type = ? AND x.target_id = ?)', value.targetType, value.id);
    case 'identifier':
      return allOf([
        ...(value.system !== undefined ? [frag('x.identifier_system = ?', value.system)] : []),
        ...(value.value !== undefined ? [frag('x.identifier_value = ?', value.value)] : []),
      ]);
    case 'date':
      return rangeCondition('x.low', 'x.high', value.prefix, value.low, value.high);
    case 'number':
      return pointCondition('x.value', value.prefix, value.value, value.low, value.high);
    case 'quantity':
      return allOf([
        pointCondition('x.value', value.prefix, value.value, value.low, value.high),
        ...(value.system !== undefined ? [frag('x.system = ?', value.system)] : []),
        ...(value.code !== undefined ? [value.system !== undefined ? frag('x.code = ?', value.code) : frag('(x.code = ? OR x.unit = ?)', value.code, value.code)] : []),
      ]);
    case 'uri':
      if (modifier === 'below') return frag(`x.uri LIKE ? ESCAPE '\\'`, `${escapeLike(value.uri)}%`);
      if (modifier === 'above') return frag('substr(CAST(? AS TEXT), 1, length(x.uri)) = x.uri', value.uri);
      return frag('x.uri = ?', value.uri);
    case 'near':
      return nearCondition(value.latitude, value.longitude, value.distanceKm);
    case 'missing':
      break;
  }
  throw new FhirError(500, { severity: 'error', code: 'exception', diagnostics: `unexpected search value ${value.kind}` });
}

/** Bounding box (uses the index) then the great-circle (haversine) distance. */
function nearCondition(lat: number, lon: number, km: number): Fragment {
  const dLat = km / KM_PER_DEGREE;
  const cosLat = Math.cos((lat * Math.PI) / 180);
  const dLon = cosLat < 1e-6 ? 180 : Math.min(180, km / (KM_PER_DEGREE * cosLat));
  return frag(
    `(x.latitude BETWEEN ? AND ? AND x.longitude BETWEEN ? AND ? AND ` +
      `2 * ${EARTH_RADIUS_KM} * asin(sqrt(power(sin(radians(x.latitude - ?) / 2), 2) + ` +
      `cos(radians(?)) * cos(radians(x.latitude)) * power(sin(radians(x.longitude - ?) / 2), 2))) <= ?)`,
    lat - dLat, lat + dLat, lon - dLon, lon + dLon, lat, lat, lon, km,
  );
}
