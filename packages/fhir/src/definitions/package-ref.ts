/**
 * FHIR package references (`id#version`), dependency aliases and version ordering.
 * https://confluence.hl7.org/display/FHIR/NPM+Package+Specification
 */

/** A package id and an exact version, e.g. `hl7.fhir.us.core` + `3.1.1`. */
export interface PackageRef {
  readonly id: string;
  readonly version: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/** Parses `id#version` (the form used by FHIR tooling and by our configuration). */
export function parsePackageRef(text: string): PackageRef {
  const hash = text.indexOf('#');
  const id = text.slice(0, hash).trim();
  const version = text.slice(hash + 1).trim();
  if (hash < 0 || !ID.test(id) || !VERSION.test(version)) {
    throw new Error(`'${text}' is not a FHIR package reference: expected id#version, e.g. hl7.fhir.us.core#3.1.1`);
  }
  return { id, version };
}

/** `id#version`. */
export function formatPackageRef(ref: PackageRef): string {
  return `${ref.id}#${ref.version}`;
}

/**
 * Maps version-suffixed dependency ids to the real package: IGs that need two versions of one
 * package at once declare them as `hl7.fhir.us.core.v311` or `hl7.fhir.us.core.3.1.1` (Plan-Net
 * 1.2.0, PDex 2.2.0). The suffix must agree with the declared version, so ids that merely end in
 * digits are left alone.
 */
export function unaliasDependency(ref: PackageRef): PackageRef {
  const digits = ref.version.split('-')[0]!.replaceAll('.', '');
  const vSuffix = /^(.+)\.v(\d+)$/.exec(ref.id);
  if (vSuffix && vSuffix[2] === digits) return { id: vSuffix[1]!, version: ref.version };
  const versionSuffix = `.${ref.version}`;
  if (ref.id.endsWith(versionSuffix) && ref.id.length > versionSuffix.length) {
    return { id: ref.id.slice(0, -versionSuffix.length), version: ref.version };
  }
  return ref;
}

/**
 * Orders versions the semver way: numeric parts compared as numbers, and a pre-release
 * (`5.1.0-cibuild`) before its release. Returns < 0, 0 or > 0.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitPrerelease(a);
  const [coreB = '', preB] = splitPrerelease(b);
  const partsA = coreA.split('.');
  const partsB = coreB.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = comparePart(partsA[i] ?? '0', partsB[i] ?? '0');
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

function splitPrerelease(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash < 0 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)];
}

function comparePart(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
