/**
 * The stored form of a version: `resourceType`, `id`, `meta` (versionId and lastUpdated first,
 * then the rest of the given meta), then the remaining elements in the order given. Reads
 * return this text as is, so it is built once, at write time.
 */

/** The instant text for epoch ms: always UTC with milliseconds (`2026-11-28T17:30:00.123Z`). */
export function instant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The resource as stored for version `versionId` at `lastUpdated`. */
export function canonicalResource(
  resource: Record<string, unknown>, id: string, versionId: number, lastUpdated: string,
): Record<string, unknown> {
  const { resourceType, id: _id, meta, ...rest } = resource;
  const { versionId: _v, lastUpdated: _l, ...otherMeta } = (meta ?? {}) as Record<string, unknown>;
  return { resourceType, id, meta: { versionId: String(versionId), lastUpdated, ...otherMeta }, ...rest };
}

/**
 * True if two stored texts hold the same content apart from meta.versionId/lastUpdated (and
 * key order): an update that changes nothing then writes no new version.
 */
export function sameContent(storedJson: string, nextJson: string): boolean {
  return deepEqual(withoutVersionMeta(JSON.parse(storedJson)), withoutVersionMeta(JSON.parse(nextJson)));
}

function withoutVersionMeta(resource: Record<string, unknown>): Record<string, unknown> {
  const { meta, ...rest } = resource;
  const { versionId: _v, lastUpdated: _l, ...otherMeta } = (meta ?? {}) as Record<string, unknown>;
  return Object.keys(otherMeta).length === 0 ? rest : { ...rest, meta: otherMeta };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const keysA = Object.keys(a);
  const objB = b as Record<string, unknown>;
  if (keysA.length !== Object.keys(objB).length) return false;
  return keysA.every((key) => Object.hasOwn(objB, key) && deepEqual((a as Record<string, unknown>)[key], objB[key]));
}
