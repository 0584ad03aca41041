/**
 * Which package dependencies the registry can do without. See docs/decisions/0002-fhir-package-loading.md.
 *
 * The IGs we serve declare dependencies that contribute nothing the registry reads (SearchParameters,
 * resource profiles, CapabilityStatements): terminology, extension definitions already inlined in the
 * IGs' snapshots, and specifications outside the payer APIs. Those are "optional": never loaded,
 * never downloaded, and only reported. Every other dependency is required.
 */
import { compareVersions } from './package-ref.js';

/**
 * Package ids (a trailing `*` matches any suffix) treated as optional dependencies by default.
 * A package the caller asks for explicitly is always loaded, whatever this list says.
 */
export const DEFAULT_OPTIONAL_DEPENDENCIES: readonly string[] = Object.freeze([
  // Terminology: CodeSystems, ValueSets, NamingSystems.
  'hl7.terminology*',
  'us.nlm.vsac',
  'us.cdc.phinvads',
  'ihe.formatcode.fhir',
  // Extension definitions; the IG snapshots already carry what they use.
  'hl7.fhir.uv.extensions*',
  // Specifications the IGs cite but whose resources the registry does not serve:
  'hl7.fhir.uv.bulkdata', // OperationDefinitions and a CapabilityStatement for $export (US Core 6.1.0)
  'hl7.fhir.uv.smart-app-launch', // security documentation (US Core 6.1.0)
  'hl7.fhir.uv.sdc', // base of US Core's QuestionnaireResponse profile, already snapshotted (US Core 6.1.0)
  'hl7.fhir.us.udap-security', // security documentation (HRex 1.0.0)
  'hl7.fhir.us.davinci-pas', // extension definitions used by PDex's prior-authorization profile (PDex 2.0.0)
]);

/** True when `id` matches one of the patterns (`*` at the end matches any suffix). */
export function matchesPackagePattern(id: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : id === p));
}

/**
 * The version to use when the exact one is absent: the lowest available version above the wanted
 * one (newer terminology is a superset, as a rule), else the highest below it.
 */
export function nearestVersion(wanted: string, available: readonly string[]): string | undefined {
  const sorted = [...available].sort(compareVersions);
  return sorted.find((v) => compareVersions(v, wanted) >= 0) ?? sorted[sorted.length - 1];
}
