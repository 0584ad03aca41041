/**
 * Test helper: for each IG example, one search per SearchParameter that yields a value for it,
 * built from the example's own index rows — so "every example is found by every parameter that
 * applies to it" is checked for parameters nobody thought of writing a test for. The queries go
 * through the public HTTP API and must find the example (and nothing else: `_id` is added).
 */
import type { Indexer, IndexRow, Registry } from '@payerport/fhir';

/** The examples of the packages whose source (`id@version`) starts with `prefix`, per package, as served (known type, an id). */
export function examplesByPackage(registry: Registry, prefix: string): Map<string, Record<string, unknown>[]> {
  const types = new Set(registry.resourceTypes());
  const byPackage = new Map<string, Record<string, unknown>[]>();
  for (const { source, resource } of registry.examples()) {
    if (!source.startsWith(prefix) || !types.has(resource.resourceType as string) || typeof resource.id !== 'string') continue;
    const list = byPackage.get(source) ?? [];
    list.push(structuredClone(resource));
    byPackage.set(source, list);
  }
  return new Map([...byPackage].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export interface ExampleSearchCase {
  readonly type: string;
  readonly id: string;
  readonly param: string;
  /** The query string, without `_id`. */
  readonly query: string;
}

/** Parameters whose values the store sets itself, not the example (meta.lastUpdated). */
const STORE_SET = new Set(['_lastUpdated']);

/** One case per (example, parameter), from the first value of each parameter. */
export function exampleSearchCases(examples: Iterable<Record<string, unknown>>, indexer: Indexer): ExampleSearchCase[] {
  const cases: ExampleSearchCase[] = [];
  for (const resource of examples) {
    const type = resource.resourceType as string;
    const id = resource.id as string;
    const seen = new Set<string>();
    for (const row of indexer.extract(resource)) {
      if (seen.has(row.param) || STORE_SET.has(row.param)) continue;
      const query = queryFor(row);
      if (query === undefined) continue;
      seen.add(row.param);
      cases.push({ type, id, param: row.param, query });
    }
  }
  return cases;
}

/** FHIR search escaping (https://hl7.org/fhir/R4/search.html#escaping), then URL encoding. */
const esc = (value: string): string => encodeURIComponent(value.replace(/[\\,$|]/g, (c) => `\\${c}`));
const instant = (ms: number): string => new Date(ms).toISOString();
const OPEN = 8.64e15;

function queryFor(row: IndexRow): string | undefined {
  const p = row.param;
  switch (row.kind) {
    case 'string':
      return row.norm === '' ? undefined : `${p}=${esc(row.norm)}`;
    case 'token':
      if (row.code !== null) return `${p}=${row.system === null ? '' : `${esc(row.system)}|`}${esc(row.code)}`;
      return row.text === null ? undefined : `${p}:text=${esc(row.text)}`;
    case 'reference':
      if (row.targetType !== null && row.targetId !== null) return `${p}=${esc(`${row.targetType}/${row.targetId}`)}`;
      if (row.url !== null) return `${p}=${esc(row.urlVersion === null ? row.url : `${row.url}|${row.urlVersion}`)}`;
      if (row.identifierValue !== null) return `${p}:identifier=${row.identifierSystem === null ? '' : `${esc(row.identifierSystem)}|`}${esc(row.identifierValue)}`;
      return undefined;
    case 'date': {
      const parts: string[] = [];
      if (row.low > -OPEN) parts.push(`${p}=ge${esc(instant(row.low))}`);
      if (row.high < OPEN) parts.push(`${p}=le${esc(instant(row.high - 1))}`);
      return parts.length === 0 ? undefined : parts.join('&');
    }
    case 'number':
      return `${p}=${row.value}`;
    case 'quantity':
      if (row.system === null && row.code === null) return `${p}=${row.value}`;
      return `${p}=${row.value}|${row.system === null ? '' : esc(row.system)}|${row.code === null ? '' : esc(row.code)}`;
    case 'uri':
      return `${p}=${esc(row.uri)}`;
    case 'position':
      return `${p}=${row.latitude}|${row.longitude}|1|km`;
  }
}
