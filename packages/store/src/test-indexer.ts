/**
 * A hand-written Indexer for storage tests (a test double: the real one evaluates FHIRPath).
 * It yields one or more rows of every kind, so that each index table is exercised:
 *   Patient.name → `name` (string), Patient.identifier → `identifier` (token),
 *   Patient.birthDate → `birthdate` (date), Patient.managingOrganization → `organization`
 *   (reference), Patient.multipleBirthInteger → `birth-order` (number), Observation.valueQuantity
 *   → `value-quantity` (quantity), ValueSet.url → `url` (uri), Location.position → `near`
 *   (position), and `_unindexed` (no pid: must be skipped).
 */
import type { IndexRow, Indexer } from '@payerport/fhir';
import { dateRange, normalizeString } from '@payerport/fhir';
import type { IndexedParam } from './store-options.js';

type Json = Record<string, unknown>;

export const TEST_PARAMS: IndexedParam[] = [
  ['Patient', 'name', 'string'],
  ['Patient', 'identifier', 'token'],
  ['Patient', 'birthdate', 'date'],
  ['Patient', 'organization', 'reference'],
  ['Patient', 'birth-order', 'number'],
  ['Observation', 'value-quantity', 'quantity'],
  ['ValueSet', 'url', 'uri'],
  ['Location', 'near', 'special'],
].map(([resourceType, code, type]) => ({ resourceType: resourceType!, code: code!, type: type!, url: `http://test/SearchParameter/${resourceType}-${code}` }));

const list = (value: unknown): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Json[];

/** The test Indexer described above. */
export function createTestIndexer(): Indexer {
  return {
    extract(resource: Json): IndexRow[] {
      const rows: IndexRow[] = [{ kind: 'string', param: '_unindexed', norm: 'x', exact: 'x' }];
      for (const name of list(resource.name)) {
        for (const part of [name.family, ...list(name.given)]) {
          if (typeof part === 'string') rows.push({ kind: 'string', param: 'name', norm: normalizeString(part), exact: part });
        }
      }
      for (const id of list(resource.identifier)) {
        rows.push({ kind: 'token', param: 'identifier', system: (id.system as string) ?? null, code: (id.value as string) ?? null, text: null });
      }
      if (typeof resource.birthDate === 'string') {
        const range = dateRange(resource.birthDate);
        if (range) rows.push({ kind: 'date', param: 'birthdate', ...range });
      }
      const org = resource.managingOrganization as Json | undefined;
      if (typeof org?.reference === 'string') {
        const [targetType, targetId] = org.reference.split('/');
        rows.push({
          kind: 'reference', param: 'organization', targetType: targetType ?? null, targetId: targetId ?? null,
          url: null, urlVersion: null, identifierSystem: null, identifierValue: null,
        });
      }
      if (typeof resource.multipleBirthInteger === 'number') {
        const value = resource.multipleBirthInteger;
        rows.push({ kind: 'number', param: 'birth-order', value, low: value - 0.5, high: value + 0.5 });
      }
      const quantity = resource.valueQuantity as Json | undefined;
      if (typeof quantity?.value === 'number') {
        rows.push({
          kind: 'quantity', param: 'value-quantity', system: (quantity.system as string) ?? null, code: (quantity.code as string) ?? null,
          unit: (quantity.unit as string) ?? null, value: quantity.value, low: quantity.value - 0.5, high: quantity.value + 0.5,
        });
      }
      if (typeof resource.url === 'string') rows.push({ kind: 'uri', param: 'url', uri: resource.url });
      const position = resource.position as Json | undefined;
      if (typeof position?.latitude === 'number' && typeof position.longitude === 'number') {
        rows.push({ kind: 'position', param: 'near', latitude: position.latitude, longitude: position.longitude });
      }
      // Rows for types without these parameters (a Practitioner's name) have no pid: the store skips them.
      return rows;
    },
  };
}

/** Options for `open()` with the test indexer. */
export function testStoreOptions(overrides: { indexer?: Indexer; clock?: () => number } = {}): { indexer: Indexer; paramTypes: IndexedParam[]; clock?: () => number } {
  return { indexer: createTestIndexer(), paramTypes: TEST_PARAMS, ...overrides };
}
