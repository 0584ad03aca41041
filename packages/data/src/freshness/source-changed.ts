/**
 * When a resource's source last changed, recorded on the resource itself as an extension on
 * `meta` (Meta is an Element, so it may carry extensions; readers that do not know it ignore
 * it). Together with `meta.lastUpdated` — when this version was written, which is when the API
 * began serving it — it measures how long a directory change took to reach the API, the CMS
 * 30-day directory rule (42 CFR 422.120(b)(2)(ii)). See docs/roster-import.md "Freshness".
 */

type Json = Record<string, unknown>;

export const SOURCE_CHANGED_URL = 'https://payerport.dev/fhir/StructureDefinition/source-last-changed';

/** The recorded source change instant, if any. */
export function sourceChangedOf(resource: Json): string | undefined {
  const meta = resource.meta as Json | undefined;
  const ext = Array.isArray(meta?.extension) ? (meta.extension as Json[]) : [];
  const found = ext.find((e) => e?.url === SOURCE_CHANGED_URL);
  return typeof found?.valueDateTime === 'string' ? found.valueDateTime : undefined;
}

/** `resource` with its meta's source-changed extension set to `instant` (a copy; other meta kept). */
export function withSourceChanged(resource: Json, instant: string): Json {
  const meta = (resource.meta ?? {}) as Json;
  const others = Array.isArray(meta.extension) ? (meta.extension as Json[]).filter((e) => e?.url !== SOURCE_CHANGED_URL) : [];
  return { ...resource, meta: { ...meta, extension: [...others, { url: SOURCE_CHANGED_URL, valueDateTime: instant }] } };
}

/** `meta` without the source-changed extension (and without `extension` when that was the only one). */
export function metaWithoutSourceChanged(meta: Json): Json {
  if (!Array.isArray(meta.extension)) return meta;
  const { extension, ...rest } = meta;
  const others = (extension as Json[]).filter((e) => e?.url !== SOURCE_CHANGED_URL);
  return others.length > 0 ? { ...rest, extension: others } : rest;
}
