/**
 * fixed[x] and pattern[x] comparison. https://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.pattern_x_
 * fixed: the value must be exactly the same. pattern: every property the pattern has must be
 * present with the same value; an array in the pattern is matched when each of its items is
 * matched by some item of the value (so a pattern coding may sit anywhere in `coding`).
 */

/** Exact JSON equality (arrays in order, objects with the same keys). */
export function equalsFixed(value: unknown, fixed: unknown): boolean {
  if (value === fixed) return true;
  if (Array.isArray(fixed)) {
    return Array.isArray(value) && value.length === fixed.length && fixed.every((f, i) => equalsFixed(value[i], f));
  }
  if (typeof fixed !== 'object' || fixed === null || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fixedKeys = Object.keys(fixed);
  if (fixedKeys.length !== Object.keys(value).length) return false;
  return fixedKeys.every((k) => equalsFixed((value as Record<string, unknown>)[k], (fixed as Record<string, unknown>)[k]));
}

/** Partial match: the value has at least what the pattern has. A value array matches when some item does. */
export function matchesPattern(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(value) && !Array.isArray(pattern)) return value.some((v) => matchesPattern(v, pattern));
  if (value === pattern) return true;
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && pattern.every((p) => value.some((v) => matchesPattern(v, p)));
  }
  if (typeof pattern !== 'object' || pattern === null || typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(pattern).every(([k, p]) => record[k] !== undefined && matchesPattern(record[k], p));
}

/** The `fixed…` or `pattern…` property of an ElementDefinition, if any. */
export function fixedOrPattern(def: Record<string, unknown>): { readonly kind: 'fixed' | 'pattern'; readonly name: string; readonly value: unknown } | undefined {
  for (const name in def) {
    if (name.startsWith('fixed')) return { kind: 'fixed', name, value: def[name] };
    if (name.startsWith('pattern')) return { kind: 'pattern', name, value: def[name] };
  }
  return undefined;
}
