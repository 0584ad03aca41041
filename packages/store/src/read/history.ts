/**
 * `_history` at instance, type and system level — https://hl7.org/fhir/R4/http.html#history.
 * Newest first, keyset-paged over (last_updated_ms DESC, rid DESC, version_id DESC), which the
 * history indexes serve directly. Never OFFSET.
 */
import { badRequest } from '@payerport/fhir';
import type { SqlExecutor } from '../sql/executor.js';
import type { HistoryOptions, HistoryPage } from '../store.js';
import { decodeHistoryCursor, encodeHistoryCursor } from './history-cursor.js';
import { toHistoryEntry, type HistoryRow } from './stored-row.js';

const COLUMNS = 'rid, version_id, type, id, last_updated, last_updated_ms, deleted, method, content';

/** One page of history in environment `envId`. `total` is given for instance history only (cheap there). */
export async function readHistory(exec: SqlExecutor, envId: number, options: HistoryOptions): Promise<HistoryPage> {
  if (!Number.isSafeInteger(options.count) || options.count < 1) throw badRequest('History page size must be a positive integer', 'invalid', '_count');
  if (options.id !== undefined && options.type === undefined) throw new Error('history: `id` requires `type`');

  const where = ['env = ?'];
  const params: unknown[] = [envId];
  if (options.id !== undefined) {
    const found = await exec.all<{ rid: number }>('SELECT rid FROM resource WHERE env = ? AND type = ? AND id = ?', [envId, options.type, options.id]);
    if (found[0] === undefined) return { entries: [], nextCursor: undefined, total: 0 };
    where.push('rid = ?');
    params.push(found[0].rid);
  } else if (options.type !== undefined) {
    where.push('type = ?');
    params.push(options.type);
  }
  if (options.sinceMs !== undefined) {
    where.push('last_updated_ms >= ?');
    params.push(options.sinceMs);
  }
  const filterWhere = where.join(' AND ');
  const filterParams = [...params];
  if (options.cursor !== undefined) {
    const key = decodeHistoryCursor(options.cursor);
    where.push('(last_updated_ms, rid, version_id) < (?, ?, ?)');
    params.push(key.ms, key.rid, key.version);
  }

  // One row more than asked tells whether a next page exists.
  const rows = await exec.all<HistoryRow>(
    `SELECT ${COLUMNS} FROM resource_history WHERE ${where.join(' AND ')} ` +
      'ORDER BY last_updated_ms DESC, rid DESC, version_id DESC LIMIT ?',
    [...params, options.count + 1],
  );
  const more = rows.length > options.count;
  const page = more ? rows.slice(0, options.count) : rows;
  const last = page[page.length - 1];
  const nextCursor = more && last !== undefined
    ? encodeHistoryCursor({ ms: Number(last.last_updated_ms), rid: Number(last.rid), version: Number(last.version_id) })
    : undefined;

  let total: number | undefined;
  if (options.id !== undefined) {
    const counted = await exec.all<{ n: number }>(
      `SELECT count(*) AS n FROM resource_history WHERE ${filterWhere}`,
      filterParams,
    );
    total = Number(counted[0]?.n ?? 0);
  }
  return { entries: page.map(toHistoryEntry), nextCursor, total };
}
