/**
 * `_summary` and `_elements`: the subsets of a resource a client can ask for. These are the only
 * paths (with `_pretty`) that parse stored JSON; plain reads and searches send stored text.
 * https://hl7.org/fhir/R4/search.html#summary and #elements
 */
import type { Registry, ResourceTypeInfo, SummaryMode } from '@payerport/fhir';

export interface SubsetSpec {
  readonly summary: SummaryMode | undefined;
  readonly elements: readonly string[] | undefined;
}

/** The tag a subsetted resource carries — https://hl7.org/fhir/R4/search.html#summary */
export const SUBSETTED = Object.freeze({
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'SUBSETTED',
  display: 'Resource encoded in summary mode',
});

/** True when the spec changes the resource (false/undefined/count leave stored text alone). */
export function isSubsetting(spec: SubsetSpec): boolean {
  const s = spec.summary;
  if (s === 'true' || s === 'text' || s === 'data') return true;
  return s === undefined && spec.elements !== undefined && spec.elements.length > 0;
}

/** Returns the subset of the stored JSON text `json` as JSON text, tagged SUBSETTED. */
export function subsetResource(registry: Registry, json: string, spec: SubsetSpec): string {
  const resource = JSON.parse(json) as Record<string, unknown>;
  const type = resource.resourceType as string;
  const info = registry.resourceType(type);
  const keep = keeper(info, spec);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(resource)) {
    if (key === 'resourceType' || key === 'id' || key === 'meta' || keep(elementName(info, key))) out[key] = resource[key];
  }
  const meta = (out.meta ?? {}) as Record<string, unknown>;
  const tags = Array.isArray(meta.tag) ? meta.tag : [];
  out.meta = { ...meta, tag: [...tags, SUBSETTED] };
  return JSON.stringify(out);
}

function keeper(info: ResourceTypeInfo | undefined, spec: SubsetSpec): (name: string) => boolean {
  const mandatory = (name: string): boolean => info?.mandatoryElements.has(name) ?? false;
  switch (spec.summary) {
    case 'true':
      return (name) => info?.summaryElements.has(name) ?? false;
    case 'text':
      return (name) => name === 'text' || mandatory(name);
    case 'data':
      return (name) => name !== 'text';
    default: {
      const wanted = new Set(spec.elements ?? []);
      return (name) => wanted.has(name) || mandatory(name) || wanted.has(name.replace('[x]', ''));
    }
  }
}

/** The element name a JSON key belongs to: `_birthDate` → `birthDate`, `valueQuantity` → `value[x]`. */
function elementName(info: ResourceTypeInfo | undefined, jsonKey: string): string {
  const key = jsonKey.startsWith('_') ? jsonKey.slice(1) : jsonKey;
  if (!info || info.elements.has(key)) return key;
  for (const name of info.elements.keys()) {
    if (!name.endsWith('[x]')) continue;
    const base = name.slice(0, -3);
    const next = key.charCodeAt(base.length);
    if (key.startsWith(base) && next >= 65 && next <= 90) return name;
  }
  return key;
}
