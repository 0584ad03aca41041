/**
 * A piece of SQL with its parameters, composed bottom-up by the search compiler. Values are
 * always bound as parameters (`?`), never inlined — the only literals are compiler constants.
 */
import type { Dialect } from '../sql/executor.js';

export interface Fragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A fragment from SQL text and its parameters. */
export function frag(sql: string, ...params: unknown[]): Fragment {
  return { sql, params };
}

/** Joins fragments with a separator (` AND `, ` OR `, `, `). */
export function join(parts: readonly Fragment[], separator: string): Fragment {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

/** `(a OR b ...)`; an empty list is false. */
export function anyOf(parts: readonly Fragment[]): Fragment {
  if (parts.length === 0) return frag('1 = 0');
  return parts.length === 1 ? parts[0]! : wrap(join(parts, ' OR '));
}

/** `(a AND b ...)`; an empty list is true. */
export function allOf(parts: readonly Fragment[]): Fragment {
  if (parts.length === 0) return frag('1 = 1');
  return parts.length === 1 ? parts[0]! : wrap(join(parts, ' AND '));
}

export function wrap(f: Fragment): Fragment {
  return { sql: `(${f.sql})`, params: f.params };
}

/**
 * `column IN <values>` with ONE parameter whatever the list length, so the SQL text — and the
 * cached prepared statement — stays the same: a JSON array via json_each in SQLite, an array
 * with `= ANY` in PostgreSQL.
 */
export function inList(dialect: Dialect, column: string, values: readonly (string | number)[]): Fragment {
  if (values.length === 1) return frag(`${column} = ?`, values[0]);
  return dialect === 'sqlite'
    ? frag(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values))
    : frag(`${column} = ANY(?)`, values);
}

/**
 * A list of values as a table to drive a join from, with a join keyword that keeps it on the
 * outside: SQLite's planner cannot estimate a json_each list and would otherwise scan the whole
 * index range and test membership; `CROSS JOIN` fixes the order there. PostgreSQL plans the
 * join order itself from unnest's row estimate.
 */
export function valuesSource(dialect: Dialect, values: readonly (string | number)[], kind: 'bigint' | 'text'): { from: Fragment; column: string; join: string } {
  return dialect === 'sqlite'
    ? { from: frag('json_each(?) src', JSON.stringify(values)), column: 'src.value', join: 'CROSS JOIN' }
    : { from: frag(`unnest(CAST(? AS ${kind}[])) AS src(v)`, values), column: 'src.v', join: 'JOIN' };
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Upper bound for prefix ranges: every string starting with p sorts below p + this (binary/C collation). */
export const PREFIX_END = '\u{10FFFF}';
