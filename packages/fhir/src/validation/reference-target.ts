/**
 * The resource type a Reference points at, read from the reference itself (no fetching):
 * `Type/id`, `…/Type/id[/_history/v]`, a contained `#id`, or `Reference.type`.
 * https://hl7.org/fhir/R4/references.html#Reference
 */
import { isObject, type Json } from './json-value.js';

const TYPED_REF = /(?:^|\/)([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export type ReferencedType =
  | { readonly type: string; readonly problem?: undefined }
  | { readonly type?: undefined; readonly problem: string }
  /** Neither: `urn:uuid:`, a logical reference by identifier, an opaque URL. */
  | { readonly type?: undefined; readonly problem?: undefined };

/** What `ref` points at, given the resource it sits in (for `#id` references to contained resources). */
export function referencedType(ref: Json, container: Json | undefined, isResourceType: (type: string) => boolean): ReferencedType {
  const reference = ref.reference;
  if (typeof reference === 'string') {
    if (reference.startsWith('#')) {
      if (reference === '#') return typeof container?.resourceType === 'string' ? { type: container.resourceType } : {};
      const id = reference.slice(1);
      const contained = Array.isArray(container?.contained) ? container.contained.filter(isObject) : [];
      const target = contained.find((r) => r.id === id);
      if (!target) return { problem: `no contained resource has id "${id}"` };
      return typeof target.resourceType === 'string' ? { type: target.resourceType } : {};
    }
    const match = TYPED_REF.exec(reference);
    if (match && isResourceType(match[1]!)) return { type: match[1]! };
  }
  return typeof ref.type === 'string' && isResourceType(ref.type) ? { type: ref.type } : {};
}
