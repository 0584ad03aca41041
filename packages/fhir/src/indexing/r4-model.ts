/**
 * What the indexer needs from the fhirpath.js R4 model: element types by path, choice-type
 * options, the type hierarchy. The same model drives fhirpath.js itself, so the fast path
 * (simple-path.ts) and the engine agree on types.
 * https://hl7.org/fhir/R4/datatypes.html
 */
import r4 from 'fhirpath/fhir-context/r4';

export const r4Model = r4;

/** FHIR primitive types (lower-case names), as in https://hl7.org/fhir/R4/datatypes.html#primitive */
export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant', 'integer',
  'integer64', 'markdown', 'oid', 'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid', 'xhtml',
]);

/** A choice suffix (`DateTime` in `valueDateTime`) to its FHIR type name (`dateTime`). */
export function choiceSuffixType(suffix: string): string {
  const lower = suffix.charAt(0).toLowerCase() + suffix.slice(1);
  return PRIMITIVE_TYPES.has(lower) ? lower : suffix;
}

/** fhirpath.js `System.*` type names to the FHIR type we treat them as. */
const SYSTEM_TYPES: Readonly<Record<string, string>> = {
  'System.String': 'string', 'System.Boolean': 'boolean', 'System.Integer': 'integer', 'System.Decimal': 'decimal',
  'System.Date': 'date', 'System.DateTime': 'dateTime', 'System.Time': 'time', 'System.Quantity': 'Quantity',
};

export function fromSystemType(type: string): string {
  return SYSTEM_TYPES[type] ?? type;
}

/** True when `type` is `base` or derives from it (`Age` is a `Quantity`, `code` is a `string`). */
export function isTypeOf(type: string, base: string): boolean {
  for (let t: string | undefined = type; t; t = r4.type2Parent[t]) if (t === base) return true;
  return false;
}

/** True for concrete resource types of the R4 model. */
export function isResourceTypeName(name: string): boolean {
  const parent = r4.type2Parent[name];
  return name !== 'DomainResource' && (parent === 'DomainResource' || parent === 'Resource');
}

/** The child element `name` of the element at model path `parent` (a type name or a backbone path). */
export type ChildElement =
  | { kind: 'single'; key: string; type: string; path: string }
  | { kind: 'choice'; options: readonly { key: string; type: string }[] };

/**
 * Looks up `parent.name` in the model, walking up the type hierarchy (`Patient.meta` is
 * declared on `Resource`) and following `pathsDefinedElsewhere` (`Questionnaire.item.item`).
 * `path` is the model path to continue from: the type name, or the element path for backbones.
 */
export function childElement(parent: string, name: string): ChildElement | undefined {
  for (let base: string | undefined = parent; base; base = r4.type2Parent[base]) {
    const full = `${base}.${name}`;
    const choices = r4.choiceTypePaths[full];
    if (choices) {
      return { kind: 'choice', options: choices.map((suffix) => ({ key: name + suffix, type: choiceSuffixType(suffix) })) };
    }
    const elsewhere = r4.pathsDefinedElsewhere[full];
    if (elsewhere) return { kind: 'single', key: name, type: 'BackboneElement', path: elsewhere };
    const type = r4.path2Type[full];
    if (type) {
      const backbone = type === 'BackboneElement' || type === 'Element';
      return { kind: 'single', key: name, type: fromSystemType(type), path: backbone ? full : fromSystemType(type) };
    }
  }
  return undefined;
}
