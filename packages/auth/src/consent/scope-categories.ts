/**
 * From the scopes an app asks for to the categories a member sees (`scopeCategories`), and
 * back from the categories the member kept to the scopes granted (`grantedScopes`). The
 * member is never granted anything the consent page did not show: a wildcard shows every
 * category, "Other records" included, and is granted as asked only when all of them are kept;
 * otherwise it is split into the per-type scopes of the kept categories (decision 0018).
 */
import { CATEGORY_ORDER, categoryOfType, typesOfCategory, type CategoryId } from './categories.js';
import { parseResourceScope, scopeFor } from './smart-scope.js';

/** One category present in a request. */
export interface ScopeCategory {
  readonly id: CategoryId;
  /** The requested scopes this category covers (a wildcard appears in every resource category). */
  readonly scopes: readonly string[];
  /**
   * Resource types the category would share: all of its types when a wildcard asks for them,
   * else the types named. For `other`, the types no category groups (shown to the member by name).
   */
  readonly resourceTypes: readonly string[];
}

/** Identity and launch-context scopes: granted with any consent, never shown as categories. */
export const ALWAYS_GRANTED: readonly string[] = ['openid', 'fhirUser', 'profile', 'launch/patient'];

const OFFLINE = 'offline_access';

/** The categories a wildcard shows: every resource category, then "Other records" for the types none names. */
const WILDCARD_CATEGORIES: readonly CategoryId[] = CATEGORY_ORDER.filter((id) => id !== 'offline');

/**
 * The categories of data a request asks for, in display order. Only `patient/` and `user/`
 * resource scopes and `offline_access` make categories; `system/` scopes (backend services)
 * and unknown scopes make none, and `grantedScopes` drops them.
 */
export function scopeCategories(requested: readonly string[]): ScopeCategory[] {
  const found = new Map<CategoryId, { scopes: Set<string>; types: Set<string> }>();
  const add = (id: CategoryId, scope: string, types: readonly string[]): void => {
    let entry = found.get(id);
    if (entry === undefined) found.set(id, (entry = { scopes: new Set(), types: new Set() }));
    entry.scopes.add(scope);
    for (const type of types) entry.types.add(type);
  };
  for (const scope of requested) {
    if (scope === OFFLINE) {
      add('offline', scope, []);
      continue;
    }
    const parsed = memberScope(scope);
    if (parsed === undefined) continue;
    if (parsed.type === '*') {
      // A wildcard covers types no category names too: "Other records" is shown for them.
      for (const id of WILDCARD_CATEGORIES) add(id, scope, typesOfCategory(id));
    } else {
      add(categoryOfType(parsed.type), scope, [parsed.type]);
    }
  }
  return CATEGORY_ORDER.filter((id) => found.has(id)).map((id) => {
    const entry = found.get(id)!;
    return { id, scopes: [...entry.scopes], resourceTypes: [...entry.types] };
  });
}

/**
 * The scope string to grant: ALWAYS_GRANTED scopes that were requested, `offline_access` if
 * "stay connected" was kept, typed scopes (granular ones intact) whose category was kept, and
 * each wildcard as asked when every category it showed was kept — else replaced by per-type
 * scopes of the kept categories in the wildcard's own syntax (`patient/*.read` →
 * `patient/Coverage.read`; `patient/*.rs` → `patient/Coverage.rs`). `otherTypes` are the types
 * "Other records" stands for in a narrowed wildcard (the server's protected types no category
 * names); without them a narrowed wildcard grants nothing for "Other records".
 */
export function grantedScopes(requested: readonly string[], keptCategoryIds: Iterable<string>, otherTypes: readonly string[] = []): string {
  const kept = new Set<string>(keptCategoryIds);
  const granted = new Set<string>();
  for (const scope of requested) {
    if (ALWAYS_GRANTED.includes(scope)) {
      granted.add(scope);
    } else if (scope === OFFLINE) {
      if (kept.has('offline')) granted.add(scope);
    } else {
      const parsed = memberScope(scope);
      if (parsed === undefined) continue;
      if (parsed.type !== '*') {
        if (kept.has(categoryOfType(parsed.type))) granted.add(scope);
        continue;
      }
      if (WILDCARD_CATEGORIES.every((id) => kept.has(id))) {
        granted.add(scope);
        continue;
      }
      for (const id of WILDCARD_CATEGORIES) {
        if (!kept.has(id)) continue;
        for (const type of id === 'other' ? otherTypes : typesOfCategory(id)) granted.add(scopeFor(parsed, type));
      }
    }
  }
  return [...granted].join(' ');
}

/** A resource scope a member can grant (patient or user context), or undefined. */
function memberScope(scope: string): ReturnType<typeof parseResourceScope> {
  const parsed = parseResourceScope(scope);
  return parsed !== undefined && (parsed.context === 'patient' || parsed.context === 'user') ? parsed : undefined;
}
