/**
 * `read` and `vread` — https://hl7.org/fhir/R4/http.html#read. One prepared primary-key
 * lookup each; the stored text goes back as is.
 */
import { chunkSizes, placeholders } from '../sql/batches.js';
import type { SqlExecutor } from '../sql/executor.js';
import type { StoredResource } from '../store.js';
import { historyContentSql } from './history-content.js';
import { toStored, type VersionRow } from './stored-row.js';

// Type and id are the caller's: selecting them again would only build two more strings.
const READ = 'SELECT version_id, last_updated, deleted, content FROM resource WHERE env = ? AND type = ? AND id = ?';

const VREAD =
  `SELECT h.type, h.id, h.version_id, h.last_updated, h.deleted, ${historyContentSql('h')} AS content FROM resource r ` +
  'JOIN resource_history h ON h.rid = r.rid AND h.version_id = ? WHERE r.env = ? AND r.type = ? AND r.id = ?';

/** The current version (a tombstone if deleted), or undefined if the resource never existed. */
export async function readResource(exec: SqlExecutor, envId: number, type: string, id: string): Promise<StoredResource | undefined> {
  const row = await exec.one<Omit<VersionRow, 'type' | 'id'>>(READ, [envId, type, id]);
  if (row === undefined) return undefined;
  return { type, id, versionId: Number(row.version_id), lastUpdated: row.last_updated, deleted: Number(row.deleted) === 1, json: row.content };
}

const IDS_PER_READ = 256;

/** The current versions of `ids` (tombstones included), read `IDS_PER_READ` at a time. */
export async function readResources(exec: SqlExecutor, envId: number, type: string, ids: readonly string[]): Promise<Map<string, StoredResource>> {
  const found = new Map<string, StoredResource>();
  const unique = [...new Set(ids)];
  let offset = 0;
  for (const size of chunkSizes(unique.length, IDS_PER_READ)) {
    const chunk = unique.slice(offset, offset + size);
    offset += size;
    const rows = await exec.all<Omit<VersionRow, 'type'>>(
      `SELECT id, version_id, last_updated, deleted, content FROM resource WHERE env = ? AND type = ? AND id IN (${placeholders(size)})`,
      [envId, type, ...chunk],
    );
    for (const row of rows) {
      found.set(row.id, { type, id: row.id, versionId: Number(row.version_id), lastUpdated: row.last_updated, deleted: Number(row.deleted) === 1, json: row.content });
    }
  }
  return found;
}

/** One version, or undefined if that version does not exist. */
export async function vreadResource(
  exec: SqlExecutor, envId: number, type: string, id: string, versionId: number,
): Promise<StoredResource | undefined> {
  if (!Number.isSafeInteger(versionId)) return undefined;
  const row = await exec.one<VersionRow>(VREAD, [versionId, envId, type, id]);
  return row === undefined ? undefined : toStored(row);
}
