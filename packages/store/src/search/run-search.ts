/**
 * Runs a parsed search: one query for the page (keyset-paged, `count + 1` rows to know whether
 * another page follows), one for the total when asked, one per include parameter.
 */
import type { SearchQuery } from '@payerport/fhir';
import type { SqlExecutor } from '../sql/executor.js';
import type { SearchResult } from '../store.js';
import { type Compiler, compileFilter, createCompiler } from './compile-filter.js';
import { type Fragment, frag, join } from './fragment.js';
import { type DrivingFilter, drivingFilter } from './driving-filter.js';
import { resolveIncludes } from './includes.js';
import { accessCondition } from './access-condition.js';
import { windowedPage } from './windowed-page.js';
import { RESOURCE_COLUMNS, type ResourceRow, resourceColumns, toStored } from './resource-row.js';
import { type Cursor, type SortColumn, decodeCursor, encodeCursor, keysetCondition, sortColumns } from './sort-keys.js';

/** What search compilation needs from the store. */
export interface SearchContext {
  readonly exec: SqlExecutor;
  readonly envId: number;
  /** The integer id of (resource type, parameter code) in `search_param`, if that parameter is indexed. */
  paramId(resourceType: string, code: string): number | undefined;
}

type KeyedRow = ResourceRow & Record<string, unknown>;

/** Compiles a parsed search to SQL over the index tables and runs it (matches, includes, total, cursors). */
export async function runSearch(ctx: SearchContext, query: SearchQuery): Promise<SearchResult> {
  const c = createCompiler(ctx, 'materialize', query.access);
  // The caller's view of the searched type (patient compartment, granular scopes), compiled into
  // every plan below like one more filter, so pages, cursors and totals count only what it shows.
  const visible = accessCondition(c, 'r', [query.type]);
  // The materialized conditions, compiled only for the plans and the count that use them.
  let materialized: Fragment | undefined;
  const where = (): Fragment => (materialized ??= join([
    frag('r.env = ? AND r.type = ? AND r.deleted = 0', ctx.envId, query.type),
    ...query.filters.map((f) => join([frag(' AND '), compileFilter(c, f, 'r', [query.type])], '')),
    ...(visible ? [frag(' AND '), visible] : []),
  ], ''));
  const columns = sortColumns(c, query.sort, query.type);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, columns.length);

  const total = query.total === 'none' ? undefined : await count(ctx, where());
  if (query.count === 0) return { matches: [], included: [], total, nextCursor: undefined, prevCursor: undefined };

  const driving = columns.length === 0 ? drivingFilter(c, query.filters, query.type) : undefined;
  // A compartment is a few rows out of many (one member's claims): collected, never walked.
  const confined = visible !== undefined;
  const rows = driving
    ? await drivenPage(c, driving, query, cursor, query.count)
    : columns.length === 0 && query.filters.length > 0 && !cursor?.backward && !query.filters.some(isHas) && !confined
      ? await walkedPage(ctx, where, query, cursor, query.count)
      : await page(ctx, where(), columns, cursor, query.count, query.filters.some(isHas) || confined);
  const more = rows.length > query.count;
  if (more) rows.pop();
  if (cursor?.backward) rows.reverse();

  const keyOf = (row: KeyedRow, backward: boolean): Cursor => ({
    keys: columns.map((_, i) => row[`k${i}`] as string | number),
    rid: Number(row.rid),
    backward,
  });
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Forward: a next page exists if we fetched one row too many; a previous one if we came by cursor.
  const hasNext = cursor?.backward ? true : more;
  const hasPrev = cursor === undefined ? false : cursor.backward ? more : true;
  const included = await resolveIncludes(c, rows, query.includes, query.revincludes);
  return {
    matches: rows.map(toStored),
    included: included.map(toStored),
    total,
    nextCursor: hasNext && last ? encodeCursor(keyOf(last, false)) : undefined,
    prevCursor: hasPrev && first ? encodeCursor(keyOf(first, true)) : undefined,
  };
}

/**
 * `_has` is never walked: checked row by row, each candidate scans every resource referring to
 * it (a network referred to by a hundred thousand roles), while collecting starts from the
 * referrers the inner filter selects — 2 s against a few ms for a network question at 1M.
 */
const isHas = (filter: SearchQuery['filters'][number]): boolean => filter.kind === 'has';

/** Driving-index rows a correlated first attempt looks at, per row wanted (see drivenPage). */
const DRIVEN_WINDOW_PER_ROW = 24;
const MIN_DRIVEN_WINDOW = 256;

/**
 * A page in rid order walked from the driving filter's index (see driving-filter.ts). When the
 * other filters include a chain or `_has`, materializing them first costs what their whole
 * answer costs (every role at a Hilo location: 45 ms at 1M) although a page needs a handful of
 * rows; so a first attempt checks them row by row (correlated) over a bounded stretch of the
 * driving index, and only when that stretch yields too few rows is the materialized plan run.
 */
async function drivenPage(c: Compiler, driving: DrivingFilter, query: SearchQuery, cursor: Cursor | undefined, limit: number): Promise<KeyedRow[]> {
  const rest = query.filters.filter((_, i) => i !== driving.index);
  if (!cursor?.backward && rest.some((f) => f.kind !== 'param')) {
    const window = Math.max(MIN_DRIVEN_WINDOW, (limit + 1) * DRIVEN_WINDOW_PER_ROW);
    const correlated = createCompiler(c.ctx, 'correlate', c.access);
    const visible = accessCondition(correlated, 'r', [query.type]);
    const sql = join([
      frag(`SELECT ${resourceColumns('r')} FROM (SELECT x.rid `), driving.from,
      ...(cursor ? [frag(' AND x.rid > ?', cursor.rid)] : []),
      frag(' ORDER BY x.rid LIMIT ?) w JOIN resource r ON r.rid = w.rid WHERE r.deleted = 0', window),
      ...rest.map((f) => join([frag(' AND '), compileFilter(correlated, f, 'r', [query.type])], '')),
      ...(visible ? [frag(' AND '), visible] : []),
      frag(' ORDER BY r.rid LIMIT ?', limit + 1),
    ], '');
    const rows = distinctRows(await c.ctx.exec.all<KeyedRow>(sql.sql, sql.params));
    if (rows.length > limit) return rows;
  }
  return materializedDrivenPage(c, driving, rest, query.type, cursor, limit);
}

async function materializedDrivenPage(c: Compiler, driving: DrivingFilter, rest: SearchQuery['filters'], type: string, cursor: Cursor | undefined, limit: number): Promise<KeyedRow[]> {
  const backward = cursor?.backward ?? false;
  const visible = accessCondition(c, 'r', [type]);
  const sql = join([
    frag(`SELECT ${resourceColumns('r')} `), driving.from,
    frag(' AND r.deleted = 0'),
    ...rest.map((f) => join([frag(' AND '), compileFilter(c, f, 'r', [type])], '')),
    ...(visible ? [frag(' AND '), visible] : []),
    ...(cursor ? [frag(` AND x.rid ${backward ? '<' : '>'} ?`, cursor.rid)] : []),
    frag(` ORDER BY x.rid ${backward ? 'DESC' : 'ASC'} LIMIT ?`, limit + 1),
  ], '');
  return distinctRows(await c.ctx.exec.all<KeyedRow>(sql.sql, sql.params));
}

/** Two index rows of one resource can hold the same system|code (e.g. with different displays). */
function distinctRows(rows: KeyedRow[]): KeyedRow[] {
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(Number(row.rid)) && seen.add(Number(row.rid)));
}

/** Unsorted forward pages: walk rid windows first, collect the rest only if the walk falls short. */
async function walkedPage(ctx: SearchContext, where: () => Fragment, query: SearchQuery, cursor: Cursor | undefined, limit: number): Promise<KeyedRow[]> {
  const walked = await windowedPage(ctx, query, cursor?.rid ?? 0, limit + 1);
  if (walked.resumeAfter === undefined) return walked.rows as KeyedRow[];
  const resume: Cursor = { keys: [], rid: walked.resumeAfter, backward: false };
  return [...walked.rows, ...await page(ctx, where(), [], resume, limit - walked.rows.length, true)] as KeyedRow[];
}

async function count(ctx: SearchContext, where: Fragment): Promise<number> {
  const sql = join([frag('SELECT COUNT(*) AS n FROM resource r WHERE '), where], '');
  const [row] = await ctx.exec.all<{ n: number | string }>(sql.sql, sql.params);
  return Number(row?.n ?? 0);
}

/**
 * One page in sort order, continuing from `cursor`; returns up to `limit + 1` rows. `collect`:
 * the matches are known to be few (a `_has`, or a walk that found too few), so the database
 * should find them through the filters' indexes and sort them, not walk the type in rid order
 * testing each row — the unary `+` stops SQLite from serving ORDER BY from the rid index.
 */
async function page(ctx: SearchContext, where: Fragment, columns: readonly SortColumn[], cursor: Cursor | undefined, limit: number, collect = false): Promise<KeyedRow[]> {
  const backward = cursor?.backward ?? false;
  const direction = (descending: boolean) => (descending !== backward ? 'DESC' : 'ASC');
  if (columns.length === 0) {
    // Default order: insertion (rid) — the cheapest stable order, served straight from the primary key.
    const sql = join([
      frag(`SELECT ${RESOURCE_COLUMNS} FROM resource r WHERE `), where,
      ...(cursor ? [frag(` AND r.rid ${backward ? '<' : '>'} ?`, cursor.rid)] : []),
      frag(` ORDER BY ${collect ? '+' : ''}r.rid ${direction(false)} LIMIT ?`, limit + 1),
    ], '');
    return ctx.exec.all<KeyedRow>(sql.sql, sql.params);
  }
  const names = columns.map((_, i) => `q.k${i}`);
  const inner = join([
    frag(`SELECT ${resourceColumns('r')}`),
    ...columns.map((col, i) => join([frag(', '), col.expr, frag(` AS k${i}`)], '')),
    frag(' FROM resource r WHERE '), where,
  ], '');
  const sql = join([
    frag('SELECT q.* FROM ('), inner, frag(') q'),
    ...(cursor ? [frag(' WHERE '), keysetCondition(columns, names, 'q.rid', cursor)] : []),
    frag(` ORDER BY ${columns.map((col, i) => `${names[i]} ${direction(col.descending)}`).join(', ')}, q.rid ${direction(false)} LIMIT ?`, limit + 1),
  ], '');
  return ctx.exec.all<KeyedRow>(sql.sql, sql.params);
}

