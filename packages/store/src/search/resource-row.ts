import type { StoredResource } from '../store.js';

const COLUMNS = ['rid', 'type', 'id', 'version_id', 'last_updated', 'content'];

/** The columns every search query selects from `resource`. */
export const RESOURCE_COLUMNS = COLUMNS.join(', ');

/** RESOURCE_COLUMNS qualified by a table alias (`r.rid, r.type, …`), built once per alias. */
export function resourceColumns(alias: 'r' | 't'): string {
  return alias === 'r' ? R_COLUMNS : T_COLUMNS;
}
const R_COLUMNS = COLUMNS.map((c) => `r.${c}`).join(', ');
const T_COLUMNS = COLUMNS.map((c) => `t.${c}`).join(', ');

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
