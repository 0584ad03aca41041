/**
 * Sort expressions and keyset paging. Each `_sort` key becomes a scalar expression on the
 * resource row (its smallest value ascending, largest descending — a resource with several
 * values sorts by its extreme, as most servers do); `rid` breaks ties. Missing values sort last
 * in both directions, via a sentinel. A cursor holds the last row's key values, so a page
 * continues exactly after it however rows are inserted or deleted meanwhile.
 */
import type { SortKey } from '@payerport/fhir';
import { badRequest } from '@payerport/fhir';
import { type Compiler, pidCondition } from './compile-filter.js';
import { type Fragment, PREFIX_END, frag, join } from './fragment.js';
import { indexTable } from './index-table.js';

export interface SortColumn {
  readonly expr: Fragment;
  readonly descending: boolean;
}

const NUMBER_LAST_ASC = '9.0e300';
const NUMBER_LAST_DESC = '-9.0e300';

/** The sort expressions for `keys` on resource alias `r` of `type`. */
export function sortColumns(c: Compiler, keys: readonly SortKey[], type: string): SortColumn[] {
  return keys.map(({ param, descending }) => {
    if (param.code === '_id') return { expr: frag('r.id'), descending };
    if (param.code === '_lastUpdated') return { expr: frag('r.last_updated_ms'), descending };
    const column = sortColumn(param.type, descending);
    const pid = pidCondition(c, 'x.pid', [type], param.code);
    if (!pid) throw badRequest(`Cannot sort on '${param.code}': it is not indexed`, 'not-supported', '_sort');
    const text = param.type === 'string' || param.type === 'token' || param.type === 'uri' || param.type === 'reference';
    const last = text ? (descending ? `''` : `'${PREFIX_END}'`) : descending ? NUMBER_LAST_DESC : NUMBER_LAST_ASC;
    const expr = join([
      frag(`COALESCE((SELECT ${descending ? 'MAX' : 'MIN'}(${column}) FROM ${indexTable(param.type)} x WHERE x.rid = r.rid AND `),
      pid,
      // Word-start rows (string-rows.ts) hold parts of a value, not values: never sort keys.
      frag(param.type === 'string' ? ` AND x.exact <> ''), ${last})` : `), ${last})`),
    ], '');
    return { expr, descending };
  });
}

function sortColumn(type: string, descending: boolean): string {
  switch (type) {
    case 'string': return 'x.norm';
    case 'token': return 'x.code';
    case 'uri': return 'x.uri';
    case 'reference': return 'x.target_id';
    case 'date': return descending ? 'x.high' : 'x.low';
    default: return 'x.value';
  }
}

export interface Cursor {
  /** Key values of the row the page continues from, then its rid. */
  readonly keys: readonly (string | number)[];
  readonly rid: number;
  /** True for a `previous` link: rows before the key, in reverse. */
  readonly backward: boolean;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.backward ? 1 : 0, cursor.rid, ...cursor.keys])).toString('base64url');
}

/** Decodes `_cursor`; anything malformed is the client's error (400), never a 500. */
export function decodeCursor(text: string, keyCount: number): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== keyCount + 2 || !Number.isSafeInteger(value[1]) ||
      !value.slice(2).every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw badRequest(`'_cursor' is not a cursor issued for this search`, 'invalid', '_cursor');
  }
  return { backward: value[0] === 1, rid: value[1] as number, keys: value.slice(2) as (string | number)[] };
}

/**
 * Keyset condition: rows strictly after (or, backward, before) the cursor in the sort order.
 * `names` are the selected key column names (k0, k1...), `rid` the rid column.
 */
export function keysetCondition(columns: readonly SortColumn[], names: readonly string[], rid: string, cursor: Cursor): Fragment {
  const terms: Fragment[] = [];
  const all = [...columns.map((col, i) => ({ name: names[i]!, descending: col.descending, value: cursor.keys[i] as string | number })),
    { name: rid, descending: false, value: cursor.rid as string | number }];
  for (let i = 0; i < all.length; i++) {
    const equal = all.slice(0, i).map((k) => frag(`${k.name} = ?`, k.value));
    const key = all[i]!;
    const after = key.descending !== cursor.backward ? '<' : '>';
    terms.push(join([...equal, frag(`${key.name} ${after} ?`, key.value)], ' AND '));
  }
  return join([frag('('), join(terms.map((t) => join([frag('('), t, frag(')')], '')), ' OR '), frag(')')], '');
}
