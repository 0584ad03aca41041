/**
 * Decides "unchanged": the stored version and the imported resource hold the same content once
 * meta.versionId, meta.lastUpdated and the source-changed extension are set aside. The source
 * time is left out on purpose: a file saved again with the same rows must not make new versions
 * (nor move the time the directory data last changed).
 */
import { metaWithoutSourceChanged } from '../freshness/source-changed.js';
import type { Json } from './import-plan.js';

export function sameImportedContent(stored: Json, next: Json): boolean {
  return deepEqual(comparable(stored), comparable(next));
}

function comparable(resource: Json): Json {
  const { meta, ...rest } = resource;
  if (meta === undefined) return rest;
  const { versionId: _v, lastUpdated: _l, ...others } = metaWithoutSourceChanged(meta as Json);
  return Object.keys(others).length === 0 ? rest : { ...rest, meta: others };
}

/** Structural equality of JSON values; object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  const other = b as Json;
  return keys.length === Object.keys(other).length && keys.every((k) => Object.hasOwn(other, k) && deepEqual((a as Json)[k], other[k]));
}
