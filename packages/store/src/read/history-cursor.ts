/**
 * The opaque `_cursor` of history pages: the keyset (last_updated_ms, rid, version_id) of the
 * last entry returned, base64url-encoded. Keyset paging stays exact and fast however deep the
 * page, where OFFSET would rescan and skip rows written meanwhile.
 */
import { badRequest } from '@payerport/fhir';

export interface HistoryKey {
  ms: number;
  rid: number;
  version: number;
}

/** Encodes a position; clients must treat the text as opaque. */
export function encodeHistoryCursor(key: HistoryKey): string {
  return Buffer.from(JSON.stringify([key.ms, key.rid, key.version])).toString('base64url');
}

/** Decodes a cursor issued by `encodeHistoryCursor`; FhirError 400 for anything else. */
export function decodeHistoryCursor(cursor: string): HistoryKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((n) => Number.isSafeInteger(n))) {
    throw badRequest('Invalid history paging cursor', 'invalid', '_cursor');
  }
  const [ms, rid, version] = parsed as [number, number, number];
  return { ms, rid, version };
}
