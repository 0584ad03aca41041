/**
 * Reading a reference or canonical string: local `Type/id`, absolute URL, contained `#id`.
 * Used by the reference row builder and by `where(resolve() is T)` (as `refIs`), so both
 * agree on what a reference points at. https://hl7.org/fhir/R4/references.html
 */

export type ParsedReference =
  | { kind: 'local'; type: string; id: string }
  | { kind: 'url'; url: string; version: string | null }
  | { kind: 'contained'; id: string };

const LOCAL_RE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const TAIL_RE = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export interface ReferenceScope {
  /** Resource types a `Type/id` may name; anything else is kept as a URL. */
  readonly resourceTypes: ReadonlySet<string>;
  /** Base URLs of this server: absolute references under them are local. No trailing slash. */
  readonly baseUrls: readonly string[];
}

/** Parses a Reference.reference, canonical or uri. `|version` is split off URLs (canonical form). */
export function parseReference(text: string, scope: ReferenceScope): ParsedReference | undefined {
  if (text === '') return undefined;
  if (text.startsWith('#')) return { kind: 'contained', id: text.slice(1) };
  const local = LOCAL_RE.exec(text);
  if (local && scope.resourceTypes.has(local[1]!)) return { kind: 'local', type: local[1]!, id: local[2]! };
  for (const base of scope.baseUrls) {
    if (text.startsWith(base + '/')) {
      const rest = LOCAL_RE.exec(text.slice(base.length + 1));
      if (rest && scope.resourceTypes.has(rest[1]!)) return { kind: 'local', type: rest[1]!, id: rest[2]! };
    }
  }
  const bar = text.indexOf('|');
  return bar < 0 ? { kind: 'url', url: text, version: null } : { kind: 'url', url: text.slice(0, bar), version: text.slice(bar + 1) || null };
}

/**
 * The resource type a Reference points at, as `resolve() is T` would see it: from the
 * reference (relative or absolute `…/Type/id`), else from Reference.type. Contained targets
 * are not resolved (the indexer does not index them either).
 */
export function referenceTargetType(reference: unknown, scope: ReferenceScope): string | undefined {
  if (typeof reference !== 'object' || reference === null) return undefined;
  const ref = (reference as Record<string, unknown>)['reference'];
  if (typeof ref === 'string') {
    if (ref.startsWith('#')) return undefined;
    const m = LOCAL_RE.exec(ref) ?? TAIL_RE.exec(ref);
    if (m && scope.resourceTypes.has(m[1]!)) return m[1];
    return undefined;
  }
  const type = (reference as Record<string, unknown>)['type'];
  return typeof type === 'string' ? type : undefined;
}
