import type { StoredResource } from '../store.js';

/** The columns every search query selects from `resource`. */
export const RESOURCE_COLUMNS = 'rid, type, id, version_id, last_updated, content';

export interface ResourceRow {
  rid: number | string;
  type: string;
  id: string;
  version_id: number | string;
  last_updated: string;
  content: string;
}

/** A search row as the store's StoredResource (search only returns live resources). */
export function toStored(row: ResourceRow): StoredResource {
  return { type: row.type, id: row.id, versionId: Number(row.version_id), lastUpdated: row.last_updated, deleted: false, json: row.content };
}
