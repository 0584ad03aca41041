/**
 * Just enough SMART scope parsing for the consent screen: which resource type a scope names,
 * and whether it is v1 (`.read`) or v2 (`.rs`) syntax. The authoritative parser, used to
 * enforce scopes, is `parseSmartScope` in @payerport/fhir.
 * https://build.fhir.org/ig/HL7/smart-app-launch/scopes-and-launch-context.html
 */

export interface ResourceScope {
  /** `patient`, `user` or `system`. */
  readonly context: string;
  /** A resource type, or `*`. */
  readonly type: string;
  /** v1 `read` / `write` / `*`, or v2 permission letters in `cruds` order (`rs`). */
  readonly permissions: string;
  /** `?category=…` (v2 granular scopes), or ''. */
  readonly query: string;
}

// v2 letters must appear in c-r-u-d-s order and at least one must be present (checked below).
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{0,63})\.(read|write|\*|c?r?u?d?s?)(\?[^\s]*)?$/;

/** The parts of a resource scope, or undefined for anything else (`openid`, `launch/patient`…). */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const m = RESOURCE_SCOPE.exec(scope);
  if (m === null || m[3] === '') return undefined;
  return { context: m[1]!, type: m[2]!, permissions: m[3]!, query: m[4] ?? '' };
}

/** The scope text for `type` with the context, permissions and query of `like` (expanding a wildcard). */
export function scopeFor(like: ResourceScope, type: string): string {
  return `${like.context}/${type}.${like.permissions}${like.query}`;
}
