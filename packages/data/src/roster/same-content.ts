/**
 * Decides "unchanged": the stored version and the imported resource hold the same content once
 * meta.versionId, meta.lastUpdated and the source-changed extension are set aside. The source
 * time is left out on purpose: a file saved again with the same rows must not make new versions
 * (nor move the time the directory data last changed).
 */
import { metaWithoutSourceChanged } from '../freshness/source-changed.js';
import type { Json } from './import-plan.js';

// A re-import compares every resource it lists, so this runs without copying the resources.
export function sameImportedContent(stored: Json, next: Json): boolean {
  let others = 0;
  for (const key in stored) {
    if (key === 'meta' || !Object.hasOwn(stored, key)) continue;
    if (!Object.hasOwn(next, key) || !deepEqual(stored[key], next[key])) return false;
    others++;
  }
  for (const key in next) if (key !== 'meta' && Object.hasOwn(next, key)) others--;
  return others === 0 && deepEqual(comparableMeta(stored.meta), comparableMeta(next.meta));
}

function comparableMeta(meta: unknown): Json {
  if (meta === undefined) return {};
  const { versionId: _v, lastUpdated: _l, ...others } = metaWithoutSourceChanged(meta as Json);
  return others;
}

/** Structural equality of JSON values; object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const other = b as Json;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(other, key) || !deepEqual((a as Json)[key], other[key])) return false;
    count++;
  }
  for (const key in other) if (Object.hasOwn(other, key)) count--;
  return count === 0;
}
