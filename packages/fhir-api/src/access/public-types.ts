/**
 * The resource types anyone may read without a token: the Provider Directory (Da Vinci PDex
 * Plan-Net) and the Formulary (Da Vinci US Drug Formulary), which CMS requires to be public.
 * Derived from the profiles the registry loaded from those IGs, so a new IG version cannot drift
 * from the list. Why each type is public: docs/decisions/0013-public-and-protected-types.md.
 */
import type { Registry } from '@payerport/fhir';

/** Package ids of the IGs whose profiled types are public. */
export const PUBLIC_IGS: readonly string[] = ['hl7.fhir.us.davinci-pdex-plan-net', 'hl7.fhir.us.davinci-drug-formulary'];

/** Every resource type some profile of a public IG constrains, sorted. */
export function publicTypesOf(registry: Registry, igs: readonly string[] = PUBLIC_IGS): string[] {
  const types = new Set<string>();
  for (const type of registry.resourceTypes()) {
    // ProfileInfo.source is `<package id>@<version>`.
    if (registry.profiles(type).some((p) => igs.includes(p.source.split('@')[0]!))) types.add(type);
  }
  return [...types].sort();
}
