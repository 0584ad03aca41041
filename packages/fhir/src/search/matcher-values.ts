/**
 * Does one index row satisfy one search value? The per-type rules of
 * https://hl7.org/fhir/R4/search.html#ptypes, stated over IndexRows.
 */
import { greatCircleKm } from '../indexing/great-circle.js';
import type { IndexRow } from '../indexing/index-row.js';
import { pointMatches, rangeMatches } from './matcher-ranges.js';
import type { Modifier, SearchValue } from './query.js';

export function valueMatchesRow(value: SearchValue, row: IndexRow, modifier: Modifier | undefined): boolean {
  switch (value.kind) {
    case 'string':
      if (row.kind !== 'string') return false;
      if (modifier === 'exact') return row.exact === value.raw;
      if (modifier === 'contains') return row.norm.includes(value.norm);
      return row.norm.startsWith(value.norm);
    case 'token':
      if (row.kind !== 'token') return false;
      // `code` any system; `|code` no system; `system|code`; `system|` any code in the system.
      if (value.system === undefined) return row.code === value.code;
      if (value.system === '') return row.system === null && (value.code === undefined || row.code === value.code);
      return row.system === value.system && (value.code === undefined || row.code === value.code);
    case 'token-text':
      return row.kind === 'token' && row.text !== null && row.text.startsWith(value.norm);
    case 'reference':
      if (row.kind !== 'reference') return false;
      if (value.url !== undefined) return row.url === value.url && (value.version === undefined || row.urlVersion === value.version);
      return row.targetId === value.id && (value.targetType === undefined || row.targetType === value.targetType);
    case 'identifier':
      return row.kind === 'reference' && (row.identifierSystem !== null || row.identifierValue !== null)
        && (value.system === undefined || row.identifierSystem === value.system)
        && (value.value === undefined || row.identifierValue === value.value);
    case 'date':
      return row.kind === 'date' && rangeMatches(value.prefix, row, value);
    case 'number':
      return row.kind === 'number' && pointMatches(value.prefix, row.value, value);
    case 'quantity':
      if (row.kind !== 'quantity' || !pointMatches(value.prefix, row.value, value)) return false;
      if (value.system !== undefined && row.system !== value.system) return false;
      // `5||mg`: no system given, so the unit may match the code or the human unit.
      if (value.code === undefined) return true;
      return value.system !== undefined ? row.code === value.code : row.code === value.code || row.unit === value.code;
    case 'uri':
      return row.kind === 'uri' && uriMatches(row.uri, value.uri, modifier);
    case 'near':
      return row.kind === 'position' && greatCircleKm(value.latitude, value.longitude, row.latitude, row.longitude) <= value.distanceKm;
    case 'missing':
      throw new Error('matcher: :missing is decided per parameter, not per row');
  }
}

/**
 * `:below` — the resource's uri is the search uri or under it; `:above` — the other way round
 * (https://hl7.org/fhir/R4/search.html#uri). "Under" is a plain prefix, as `url:below=
 * http://acme.org/fhir/` in the spec's example: no path-segment boundary is required.
 */
function uriMatches(uri: string, search: string, modifier: Modifier | undefined): boolean {
  if (modifier === 'below') return uri.startsWith(search);
  if (modifier === 'above') return search.startsWith(uri);
  return uri === search;
}
