/**
 * A value an expression yielded, with its FHIR type: the unit every row builder works on.
 * Types come from the model (fast path) or from fhirpath.js nodes; values are the JSON as
 * stored, never engine-internal objects, so precision and text survive.
 */
import { choiceSuffixType } from './r4-model.js';

export interface TypedValue {
  /** FHIR type name: `string`, `dateTime`, `CodeableConcept`, `Reference`... */
  type: string;
  value: unknown;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An Extension stands for its `value[x]` (IG parameters often stop at the extension, e.g.
 * Plan-Net `network`: `PractitionerRole.extension.where(url='…network-reference')`).
 * Complex extensions (no value) yield nothing.
 */
export function extensionValue(extension: Json): TypedValue | undefined {
  for (const key in extension) {
    if (key.length > 5 && key.startsWith('value') && extension[key] != null) {
      return { type: choiceSuffixType(key.slice(5)), value: extension[key] };
    }
  }
  return undefined;
}

/** A best guess at the FHIR type of an untyped value (engine System values, unknown paths). */
export function guessType(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return 'string';
    case 'boolean': return 'boolean';
    case 'number': return Number.isInteger(value) ? 'integer' : 'decimal';
  }
  if (!isObject(value)) return undefined;
  if ('url' in value && Object.keys(value).some((k) => k.startsWith('value') || k === 'extension')) return 'Extension';
  if ('reference' in value || ('identifier' in value && 'display' in value)) return 'Reference';
  if ('coding' in value) return 'CodeableConcept';
  if ('family' in value || 'given' in value) return 'HumanName';
  if ('line' in value || 'city' in value || 'postalCode' in value) return 'Address';
  if ('start' in value || 'end' in value) return 'Period';
  if ('latitude' in value && 'longitude' in value) return 'BackboneElement';
  if (typeof value['value'] === 'number') return 'Quantity';
  if ('system' in value && 'value' in value) return 'Identifier';
  if ('code' in value) return 'Coding';
  return undefined;
}

/** The text of a primitive whether the engine kept it as JSON or wrapped it (FP_Decimal, FP_DateTime). */
export function primitiveText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Engine objects (FP_Decimal, FP_DateTime) print as FHIR text; plain JSON objects are not primitives.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return String(value);
  }
  return undefined;
}
