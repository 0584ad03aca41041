/**
 * `read` and `vread` — https://hl7.org/fhir/R4/http.html#read. One prepared primary-key
 * lookup each; the stored text goes back as is.
 */
import type { SqlExecutor } from '../sql/executor.js';
import type { StoredResource } from '../store.js';
import { VERSION_COLUMNS, toStored, type VersionRow } from './stored-row.js';

const READ = `SELECT ${VERSION_COLUMNS} FROM resource WHERE env = ? AND type = ? AND id = ?`;

const VREAD =
  'SELECT h.type, h.id, h.version_id, h.last_updated, h.deleted, h.content FROM resource r ' +
  'JOIN resource_history h ON h.rid = r.rid AND h.version_id = ? WHERE r.env = ? AND r.type = ? AND r.id = ?';

/** The current version (a tombstone if deleted), or undefined if the resource never existed. */
export async function readResource(exec: SqlExecutor, envId: number, type: string, id: string): Promise<StoredResource | undefined> {
  const rows = await exec.all<VersionRow>(READ, [envId, type, id]);
  return rows[0] === undefined ? undefined : toStored(rows[0]);
}

/** One version, or undefined if that version does not exist. */
export async function vreadResource(
  exec: SqlExecutor, envId: number, type: string, id: string, versionId: number,
): Promise<StoredResource | undefined> {
  if (!Number.isSafeInteger(versionId)) return undefined;
  const rows = await exec.all<VersionRow>(VREAD, [versionId, envId, type, id]);
  return rows[0] === undefined ? undefined : toStored(rows[0]);
}
