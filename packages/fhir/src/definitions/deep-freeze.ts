/**
 * Freezes a parsed JSON value and everything in it. Resources handed out by the registry are
 * shared by every request, so an accidental write in one handler must fail, not leak into others.
 */

/** Recursively freezes a JSON value in place and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
