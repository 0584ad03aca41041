/**
 * The compiled form of ElementDefinitions: what the walker needs, computed once per profile.
 * https://hl7.org/fhir/R4/elementdefinition.html
 */
import type { Json } from './json-value.js';

export interface TypeRule {
  /** FHIR type code: `string`, `CodeableConcept`, `Reference`, `Extension`, `Resource`… */
  readonly code: string;
  /** Profiles the value must conform to (`type.profile`), e.g. an extension definition. */
  readonly profiles: readonly string[];
  /** Canonicals of `type.targetProfile` (References); resolved to resource types on first use. */
  readonly targetProfiles: readonly string[];
  readonly primitive: boolean;
}

export interface ElementKey {
  /** `code`, `valueCodeableConcept`… */
  readonly key: string;
  /** `_code`: where a primitive's id and extensions go. */
  readonly extensionKey: string;
  readonly type: TypeRule;
}

export interface FixedValue {
  readonly kind: 'fixed' | 'pattern';
  /** `fixedUri`, `patternCodeableConcept`… for messages. */
  readonly name: string;
  readonly value: unknown;
}

export interface Discriminator {
  readonly type: string;
  readonly path: string;
}

export interface Slicing {
  readonly discriminators: readonly Discriminator[];
  readonly rules: 'open' | 'closed' | 'openAtEnd';
  readonly slices: readonly ElementRule[];
}

export interface ElementRule {
  readonly id: string;
  readonly path: string;
  /** JSON property name; for a choice element the prefix (`value` of `value[x]`). */
  readonly key: string;
  readonly choice: boolean;
  readonly min: number;
  /** Infinity for `*`. */
  readonly max: number;
  /** JSON arrays are decided by the base definition's max, not the profile's. */
  readonly isArray: boolean;
  readonly types: readonly TypeRule[];
  /** JSON property names this element may appear under, with the type each selects. */
  readonly keys: readonly ElementKey[];
  readonly fixed: FixedValue | undefined;
  /** Required-strength binding's value set; other strengths are not checked. */
  readonly requiredValueSet: string | undefined;
  readonly mustSupport: boolean;
  readonly sliceName: string | undefined;
  readonly slicing: Slicing | undefined;
  /** `#Path` or `url#Path` of the element whose definition this one reuses. */
  readonly contentReference: string | undefined;
  /** Canonical of the profile this rule belongs to. */
  readonly profile: string;
  /** Children as the snapshot lists them; undefined when the snapshot leaves the type unconstrained. */
  structure(): Structure | undefined;
  /** The ElementDefinition it came from. */
  readonly def: Json;
}

export interface KeyTarget {
  readonly rule: ElementRule;
  /** The type the key selects; undefined for a choice type the profile does not allow. */
  readonly type: TypeRule | undefined;
  /** `_name`: the id/extensions of a primitive. */
  readonly primitiveExtension: boolean;
}

/** The children of a complex element or resource, and every JSON key they may use. */
export interface Structure {
  readonly children: readonly ElementRule[];
  readonly keys: ReadonlyMap<string, KeyTarget>;
  /** True for a resource's root: `resourceType` is allowed. */
  readonly isResource: boolean;
}
