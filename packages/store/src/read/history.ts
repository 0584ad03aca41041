/**
 * `_history` at instance, type and system level — https://hl7.org/fhir/R4/http.html#history.
 * Newest first, keyset-paged over (last_updated_ms DESC, rid DESC, version_id DESC), which the
 * history indexes serve directly. Never OFFSET. Under a restricted view (a member's token) only
 * versions of currently visible resources that were visible themselves are listed
 * (version-access.ts); pages are filled past the hidden ones, so a page may cost more rows.
 */
import { badRequest, type Indexer } from '@payerport/fhir';
import type { SearchContext } from '../search/run-search.js';
import type { HistoryOptions, HistoryPage } from '../store.js';
import { decodeHistoryCursor, encodeHistoryCursor, type HistoryKey } from './history-cursor.js';
import { toHistoryEntry, type HistoryRow } from './stored-row.js';
import { restrictedView, visibleRid, visibleRids, visibleVersion } from './version-access.js';
import { historyContentSql } from './history-content.js';

const COLUMNS = `rid, version_id, type, id, last_updated, last_updated_ms, deleted, method, ${historyContentSql('resource_history')} AS content`;

/** One page of history. `total` is given for instance history only (cheap there). */
export async function readHistory(ctx: SearchContext, indexer: Indexer, options: HistoryOptions): Promise<HistoryPage> {
  if (!Number.isSafeInteger(options.count) || options.count < 1) throw badRequest('History page size must be a positive integer', 'invalid', '_count');
  if (options.id !== undefined && options.type === undefined) throw new Error('history: `id` requires `type`');
  const view = options.type === undefined ? undefined : restrictedView(options.access, options.type);
  if (options.type === undefined && options.access !== undefined) throw new Error('history: a view confines the history of one type only');

  const where = ['env = ?'];
  const params: unknown[] = [ctx.envId];
  if (options.id !== undefined) {
    const rid = view === undefined ? await ridOf(ctx, options.type!, options.id) : await visibleRid(ctx, view, options.id);
    if (rid === undefined) return { entries: [], nextCursor: undefined, total: 0 };
    where.push('rid = ?');
    params.push(rid);
  } else if (options.type !== undefined) {
    where.push('type = ?');
    params.push(options.type);
    if (view !== undefined) {
      const visible = visibleRids(ctx, view, 'rid');
      where.push(visible.sql);
      params.push(...visible.params);
    }
  }
  if (options.sinceMs !== undefined) {
    where.push('last_updated_ms >= ?');
    params.push(options.sinceMs);
  }
  // Each version judged once: instance history meets the page's versions again when it counts.
  const judged = new Map<string, boolean>();
  const keep = view === undefined ? undefined : (row: HistoryRow): boolean => {
    const key = `${row.rid}/${row.version_id}`;
    let shown = judged.get(key);
    if (shown === undefined) judged.set(key, (shown = visibleVersion(view, indexer, row.content)));
    return shown;
  };
  const selected = { sql: where.join(' AND '), params };

  const start = options.cursor === undefined ? undefined : decodeHistoryCursor(options.cursor);
  const rows = await pageRows(ctx, selected, start, options.count + 1, keep);
  // One row more than asked tells whether a next page exists.
  const more = rows.length > options.count;
  const page = more ? rows.slice(0, options.count) : rows;
  const last = page[page.length - 1];
  const nextCursor = more && last !== undefined ? encodeHistoryCursor(keyOf(last)) : undefined;

  let total: number | undefined;
  if (options.id !== undefined) {
    if (keep === undefined) {
      const counted = await ctx.exec.all<{ n: number }>(`SELECT count(*) AS n FROM resource_history WHERE ${selected.sql}`, selected.params);
      total = Number(counted[0]?.n ?? 0);
    } else {
      // One resource's versions: few, and each must be judged to be counted.
      const all = await ctx.exec.all<HistoryRow>(`SELECT ${COLUMNS} FROM resource_history WHERE ${selected.sql}`, selected.params);
      total = all.filter(keep).length;
    }
  }
  return { entries: page.map(toHistoryEntry), nextCursor, total };
}

/**
 * Up to `wanted` rows after `start`, newest first, skipping rows `keep` refuses: a short batch
 * means the end; otherwise the next batch starts after the last row looked at.
 */
async function pageRows(ctx: SearchContext, selected: { sql: string; params: unknown[] }, start: HistoryKey | undefined, wanted: number, keep?: (row: HistoryRow) => boolean): Promise<HistoryRow[]> {
  const kept: HistoryRow[] = [];
  for (let after = start; ;) {
    const batch = await ctx.exec.all<HistoryRow>(
      `SELECT ${COLUMNS} FROM resource_history WHERE ${selected.sql}` +
        (after === undefined ? '' : ' AND (last_updated_ms, rid, version_id) < (?, ?, ?)') +
        ' ORDER BY last_updated_ms DESC, rid DESC, version_id DESC LIMIT ?',
      [...selected.params, ...(after === undefined ? [] : [after.ms, after.rid, after.version]), wanted],
    );
    kept.push(...(keep === undefined ? batch : batch.filter(keep)));
    const last = batch[batch.length - 1];
    if (kept.length >= wanted || batch.length < wanted || last === undefined) return kept.slice(0, wanted);
    after = keyOf(last);
  }
}

function keyOf(row: HistoryRow): HistoryKey {
  return { ms: Number(row.last_updated_ms), rid: Number(row.rid), version: Number(row.version_id) };
}

async function ridOf(ctx: SearchContext, type: string, id: string): Promise<number | undefined> {
  const found = await ctx.exec.one<{ rid: number }>('SELECT rid FROM resource WHERE env = ? AND type = ? AND id = ?', [ctx.envId, type, id]);
  return found === undefined ? undefined : Number(found.rid);
}
