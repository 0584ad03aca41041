/** Row shapes shared by the read and write paths, and their mapping to `StoredResource`. */
import type { HistoryEntry, StoredResource } from '../store.js';

export interface VersionRow {
  type: string;
  id: string;
  version_id: number;
  last_updated: string;
  deleted: number;
  content: string;
}

export interface HistoryRow extends VersionRow {
  rid: number;
  last_updated_ms: number;
  method: string;
}

/** Maps a resource or history row; `json` is the stored text, never re-serialised. */
export function toStored(row: VersionRow): StoredResource {
  return {
    type: row.type,
    id: row.id,
    versionId: Number(row.version_id),
    lastUpdated: row.last_updated,
    deleted: Number(row.deleted) === 1,
    json: row.content,
  };
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return { ...toStored(row), method: row.method as HistoryEntry['method'] };
}
