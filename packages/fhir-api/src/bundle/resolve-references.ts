/**
 * Transaction identity resolution: entries created with a `urn:uuid:` (or `urn:oid:`) fullUrl
 * get their id before anything is written, and every string in the Bundle equal to such a
 * fullUrl is rewritten to `Type/id`. https://hl7.org/fhir/R4/bundle.html#references
 */

/** True for the temporary identities a transaction may assign. */
export function isPlaceholder(fullUrl: string | undefined): fullUrl is string {
  return fullUrl !== undefined && (fullUrl.startsWith('urn:uuid:') || fullUrl.startsWith('urn:oid:'));
}

/**
 * Replaces, in place, every string value equal to a key of `mapping` (anywhere in `value`:
 * Reference.reference, canonical and uri elements alike). Iterative so that deep input
 * cannot overflow the stack.
 */
export function rewriteReferences(value: unknown, mapping: ReadonlyMap<string, string>): void {
  if (mapping.size === 0) return;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (typeof v === 'string') {
        const hit = mapping.get(v);
        if (hit !== undefined) obj[key] = hit;
      } else if (v !== null && typeof v === 'object') {
        stack.push(v);
      }
    }
  }
}
