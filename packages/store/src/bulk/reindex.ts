/**
 * Rebuilding index rows from stored content, after the active SearchParameters (or their
 * extraction) change. Batches of resources in rid order; each batch reads and rewrites inside
 * one write transaction, so a concurrent update can never be overwritten with stale rows.
 */
import type { Indexer } from '@payerport/fhir';
import type { SqlExecutor } from '../sql/executor.js';
import { IndexRowBuffer, deleteIndexRows } from '../write/index-rows.js';

interface Row { rid: number; env: number; type: string; content: string }

/** Reindexes the batch of live resources after `afterRid`; returns the last rid seen (undefined when done) and the count. */
export async function reindexBatch(
  exec: SqlExecutor,
  indexer: Indexer,
  paramId: (type: string, code: string) => number | undefined,
  envId: number | undefined,
  afterRid: number,
  batchSize: number,
): Promise<{ lastRid: number | undefined; count: number }> {
  const envFilter = envId === undefined ? '' : ' AND env = ?';
  const rows = await exec.all<Row>(
    `SELECT rid, env, type, content FROM resource WHERE rid > ? AND deleted = 0${envFilter} ORDER BY rid LIMIT ?`,
    envId === undefined ? [afterRid, batchSize] : [afterRid, envId, batchSize],
  );
  if (rows.length === 0) return { lastRid: undefined, count: 0 };
  const rids = rows.map((row) => Number(row.rid));
  await deleteIndexRows(exec, rids);
  const buffer = new IndexRowBuffer(paramId);
  for (const row of rows) {
    buffer.add(Number(row.env), Number(row.rid), row.type, indexer.extract(JSON.parse(row.content) as Record<string, unknown>));
  }
  await buffer.flush(exec);
  return { lastRid: rids[rids.length - 1], count: rows.length };
}
