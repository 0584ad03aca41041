/**
 * Maps a property name as it appears in resource JSON to its element: choice elements appear
 * with the type appended (`value[x]` → `valueQuantity`, https://hl7.org/fhir/R4/formats.html#choice)
 * and primitives carry their id/extensions in `_name` (https://hl7.org/fhir/R4/json.html#primitive).
 */
import type { ElementInfo, ResourceTypeInfo } from './types.js';

// Built on first use per type; `_summary` and `_elements` filtering call this for every property.
const byJsonName = new WeakMap<ResourceTypeInfo, ReadonlyMap<string, ElementInfo>>();

/**
 * The top-level element a JSON property belongs to, or undefined (e.g. `resourceType`, unknown names):
 * `valueQuantity` → `value[x]`, `_birthDate` → `birthDate`. Test summary membership with
 * `info.summaryElements.has(elementForJsonName(info, name)?.path ?? '')`.
 */
export function elementForJsonName(info: ResourceTypeInfo, jsonName: string): ElementInfo | undefined {
  let names = byJsonName.get(info);
  if (!names) {
    names = jsonNames(info);
    byJsonName.set(info, names);
  }
  return names.get(jsonName);
}

function jsonNames(info: ResourceTypeInfo): Map<string, ElementInfo> {
  const names = new Map<string, ElementInfo>();
  for (const element of info.elements.values()) {
    // The element key itself (`value[x]`) also resolves, so callers may pass either form.
    names.set(element.path, element);
    const choicePrefix = element.path.endsWith('[x]') ? element.path.slice(0, -3) : undefined;
    const spellings = choicePrefix === undefined
      ? [element.path]
      : element.types.map((t) => choicePrefix + t.charAt(0).toUpperCase() + t.slice(1));
    for (const name of spellings) {
      names.set(name, element);
      names.set(`_${name}`, element);
    }
  }
  return names;
}
