/**
 * The FHIR type code of an ElementDefinition.type entry. R4 snapshots type `id`, `Extension.url`
 * and primitive `value`s with FHIRPath system types plus an extension naming the FHIR type.
 * https://hl7.org/fhir/R4/extension-structuredefinition-fhir-type.html
 */
import { isObject, type Json } from './json-value.js';

const FHIR_TYPE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const SYSTEM_PREFIX = 'http://hl7.org/fhirpath/System.';
const SYSTEM_TYPES: Readonly<Record<string, string>> = {
  String: 'string', Boolean: 'boolean', Integer: 'integer', Decimal: 'decimal', Date: 'date', DateTime: 'dateTime', Time: 'time',
};

export function typeCode(type: Json): string {
  const code = typeof type.code === 'string' ? type.code : '';
  if (!code.startsWith(SYSTEM_PREFIX)) return code;
  const ext = (Array.isArray(type.extension) ? type.extension.filter(isObject) : []).find((e) => e.url === FHIR_TYPE_EXTENSION);
  const named = ext?.valueUrl ?? ext?.valueUri;
  if (typeof named === 'string') return named;
  return SYSTEM_TYPES[code.slice(SYSTEM_PREFIX.length)] ?? 'string';
}

/** The R4 types a choice element (`value[x]`) may take ("open type" list), to tell a disallowed type from an unknown name. https://hl7.org/fhir/R4/datatypes.html#open */
export const CHOICE_TYPES: readonly string[] = [
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant', 'integer', 'markdown', 'oid',
  'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid', 'Address', 'Age', 'Annotation', 'Attachment',
  'CodeableConcept', 'Coding', 'ContactPoint', 'Count', 'Distance', 'Duration', 'HumanName', 'Identifier', 'Money', 'Period',
  'Quantity', 'Range', 'Ratio', 'Reference', 'SampledData', 'Signature', 'Timing', 'ContactDetail', 'Contributor',
  'DataRequirement', 'Expression', 'ParameterDefinition', 'RelatedArtifact', 'TriggerDefinition', 'UsageContext', 'Dosage', 'Meta',
];

/** `value` + `CodeableConcept` → `valueCodeableConcept`. */
export function choiceKey(prefix: string, code: string): string {
  return prefix + code.charAt(0).toUpperCase() + code.slice(1);
}
