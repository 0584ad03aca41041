/**
 * The tags saying which import sources (`--source`, default `roster`) list a resource. Several
 * rosters (one per delegated group, say) may name the same Practitioner, Location or even
 * role, so a resource carries one tag per source that imported it; `--full` of one source
 * then only takes that source's tag away, and ends a role only when no other source lists it.
 */
import type { Json } from './import-plan.js';

export const IMPORT_SOURCE_SYSTEM = 'https://payerport.dev/fhir/CodeSystem/import-source';

export const DEFAULT_IMPORT_SOURCE = 'roster';

const tagsOf = (resource: Json): Json[] => {
  const meta = resource.meta as Json | undefined;
  return Array.isArray(meta?.tag) ? (meta.tag as Json[]) : [];
};

/** The import sources tagged on `resource`. */
export function importSources(resource: Json): string[] {
  return tagsOf(resource).filter((t) => t?.system === IMPORT_SOURCE_SYSTEM && typeof t.code === 'string').map((t) => t.code as string);
}

/** `resource` tagged with exactly `sources` (sorted, so the same set always reads the same); other tags kept. */
export function withImportSources(resource: Json, sources: readonly string[]): Json {
  const others = tagsOf(resource).filter((t) => t?.system !== IMPORT_SOURCE_SYSTEM);
  const tags = [...others, ...[...new Set(sources)].sort().map((code) => ({ system: IMPORT_SOURCE_SYSTEM, code }))];
  const { tag: _tag, ...meta } = (resource.meta ?? {}) as Json;
  return { ...resource, meta: tags.length > 0 ? { ...meta, tag: tags } : meta };
}

/** `resource` tagged with `source` only. */
export const withImportTag = (resource: Json, source: string): Json => withImportSources(resource, [source]);

export function hasImportTag(resource: Json, source: string): boolean {
  return importSources(resource).includes(source);
}
