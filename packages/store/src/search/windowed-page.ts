/**
 * The first pages of an unsorted search whose filters no index can serve in rid order (chains,
 * `_has`, prefixes, several values). Collecting every match first costs time in proportion to
 * the number of matches — 360 ms for the 33,000 roles of a broad two-level chain over a million
 * resources. Instead, walk the searched type in rid order through a window of rids, checking the
 * filters row by row (correlated EXISTS), and widen the window a few times; when matches are
 * rare enough that this does not fill the page, fall back to collecting them.
 */
import type { SearchQuery } from '@payerport/fhir';
import { compileFilter, createCompiler } from './compile-filter.js';
import { frag, join } from './fragment.js';
import { RESOURCE_COLUMNS, type ResourceRow } from './resource-row.js';
import type { SearchContext } from './run-search.js';

/** Rows walked in the first window per row wanted; each later window is WIDEN times wider. */
const FIRST_WINDOW_PER_ROW = 16;
const MIN_FIRST_WINDOW = 256;
const WIDEN = 8;
const ATTEMPTS = 3;

export interface WindowedResult {
  rows: ResourceRow[];
  /** The rid the walk got to: the caller collects any remaining rows after it. undefined = walk finished. */
  resumeAfter: number | undefined;
}

/** Up to `limit` rows after `afterRid` in rid order, by walking rid windows. */
export async function windowedPage(ctx: SearchContext, query: SearchQuery, afterRid: number, limit: number): Promise<WindowedResult> {
  // Windows start at the type's first row after the cursor and end at its last: rids are shared
  // by all types and environments, and a type loaded in one batch occupies one stretch of them.
  // (Two statements: SQLite answers a lone MIN or MAX from the index, but scans for both at once.)
  const [first] = await ctx.exec.all<{ v: number | string | null }>(
    'SELECT MIN(rid) AS v FROM resource WHERE env = ? AND type = ? AND rid > ?', [ctx.envId, query.type, afterRid]);
  if (first?.v === null || first?.v === undefined) return { rows: [], resumeAfter: undefined };
  const [last] = await ctx.exec.all<{ v: number | string | null }>(
    'SELECT MAX(rid) AS v FROM resource WHERE env = ? AND type = ?', [ctx.envId, query.type]);
  const maxRid = Number(last?.v ?? 0);
  const c = createCompiler(ctx, 'correlate', query.access);
  const filters = query.filters.map((f) => join([frag(' AND '), compileFilter(c, f, 'r', [query.type])], ''));
  const rows: ResourceRow[] = [];
  let low = Number(first.v) - 1;
  let width = Math.max(MIN_FIRST_WINDOW, limit * FIRST_WINDOW_PER_ROW);
  for (let attempt = 0; attempt < ATTEMPTS && rows.length < limit && low < maxRid; attempt++) {
    const high = low + width;
    const sql = join([
      frag(`SELECT ${RESOURCE_COLUMNS} FROM resource r WHERE r.env = ? AND r.type = ? AND r.deleted = 0 AND r.rid > ? AND r.rid <= ?`, ctx.envId, query.type, low, high),
      ...filters,
      frag(' ORDER BY r.rid LIMIT ?', limit - rows.length),
    ], '');
    rows.push(...await ctx.exec.all<ResourceRow>(sql.sql, sql.params));
    low = high;
    width *= WIDEN;
  }
  const finished = rows.length >= limit || low >= maxRid;
  return { rows, resumeAfter: finished ? undefined : low };
}
