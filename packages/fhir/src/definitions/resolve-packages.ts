/**
 * Resolves the requested packages and their dependencies, transitively, into the list of packages
 * to load: dependencies before dependents, two versions of one id kept apart (US Core 3.1.1 and 6.1.0).
 * `hl7.fhir.r4.core` is left out: the base definitions are loaded separately.
 */
import { matchesPackagePattern, nearestVersion } from './dependency-policy.js';
import { findPackage, type FindPackageOptions } from './find-package.js';
import { localVersions } from './package-locations.js';
import type { PackageFiles } from './package-files.js';
import type { MissingPackage } from './package-not-found-error.js';
import { formatPackageRef, unaliasDependency, type PackageRef } from './package-ref.js';

export const CORE_PACKAGE_ID = 'hl7.fhir.r4.core';
export const REQUESTED = 'the requested package list';

export interface ResolveOptions extends FindPackageOptions {
  /** Patterns of dependency ids that are reported, not loaded (see dependency-policy.ts). */
  readonly optionalDependencies: readonly string[];
}

/** An optional dependency that was not loaded, with who asked for it. */
export interface SkippedDependency {
  readonly ref: PackageRef;
  readonly requiredBy: readonly string[];
}

/** A required dependency whose exact version was nowhere; another local version of it is loaded instead. */
export interface SubstitutedDependency {
  readonly wanted: PackageRef;
  readonly used: PackageRef;
  readonly requiredBy: readonly string[];
}

export interface ResolvedPackages {
  /** Packages to load, dependencies first. */
  readonly packages: readonly PackageFiles[];
  readonly missing: readonly MissingPackage[];
  readonly skipped: readonly SkippedDependency[];
  readonly substituted: readonly SubstitutedDependency[];
  /** Versions of hl7.fhir.r4.core asked for (other than 4.0.1 is worth a warning). */
  readonly coreVersions: readonly string[];
}

/** Finds and reads every package needed; missing ones are returned, not thrown, so all can be reported at once. */
export async function resolvePackages(requested: readonly PackageRef[], options: ResolveOptions): Promise<ResolvedPackages> {
  const found = new Map<string, PackageFiles>();
  const lookups = new Map<string, Promise<void>>();
  const looked = new Map<string, readonly string[]>();
  const requiredBy = new Map<string, Set<string>>();
  const skipped = new Map<string, PackageRef>();
  const substitutes = new Map<string, PackageRef>();
  const coreVersions = new Set<string>();

  const need = (declared: PackageRef, by: string): void => {
    const ref = unaliasDependency(declared);
    if (ref.id === CORE_PACKAGE_ID) {
      coreVersions.add(ref.version);
      return;
    }
    const key = formatPackageRef(ref);
    if (!requiredBy.has(key)) requiredBy.set(key, new Set());
    requiredBy.get(key)!.add(by);
    if (by !== REQUESTED && matchesPackagePattern(ref.id, options.optionalDependencies)) {
      skipped.set(key, ref);
      return;
    }
    if (lookups.has(key)) return;
    const lookup = findPackage(ref, options).then(async (result) => {
      if (result.files) {
        found.set(key, result.files);
        for (const dep of dependenciesOf(result.files)) need(dep, key);
        return;
      }
      // Requested packages were all registered before any lookup settled, so this test is final.
      const substitute = requiredBy.get(key)!.has(REQUESTED) ? undefined : await nearestLocal(ref, options);
      if (!substitute) {
        looked.set(key, result.looked);
        return;
      }
      substitutes.set(key, substitute);
      for (const by of requiredBy.get(key)!) need(substitute, by);
    });
    // Marked handled here; the rejection still reaches the Promise.all below.
    lookup.catch(() => undefined);
    lookups.set(key, lookup);
  };

  for (const ref of requested) need(ref, REQUESTED);
  // Each lookup may start more; wait until no new ones appear.
  for (let settled = 0; settled < lookups.size; ) {
    settled = lookups.size;
    await Promise.all(lookups.values());
  }

  const ordered = dependencyOrder(requested.map(unaliasDependency), found, substitutes);
  // A package the caller asked for also wins over the optional-dependency patterns.
  for (const key of found.keys()) skipped.delete(key);
  const listOf = (key: string): string[] => [...(requiredBy.get(key) ?? [])];
  return {
    packages: ordered,
    missing: [...looked].map(([key, places]) => ({ ref: refOf(key), requiredBy: listOf(key), looked: places })),
    skipped: [...skipped].map(([key, ref]) => ({ ref, requiredBy: listOf(key) })),
    substituted: [...substitutes].map(([key, used]) => ({ wanted: refOf(key), used, requiredBy: listOf(key) })),
    coreVersions: [...coreVersions],
  };
}

/**
 * Another version of a required dependency found in the package directories or the cache (never
 * downloaded: the registries were just asked for the exact one). IGs cite dependency versions that
 * are not published everywhere (Plan-Net 1.2.0 cites HRex 1.1.0); failing the start over that
 * would block every offline install, and a warning naming both versions keeps it visible.
 */
async function nearestLocal(ref: PackageRef, options: ResolveOptions): Promise<PackageRef | undefined> {
  const available = (await localVersions(ref.id, options.packageDirs, options.cacheDir)).filter((v) => v !== ref.version);
  const version = nearestVersion(ref.version, available);
  return version === undefined ? undefined : { id: ref.id, version };
}

function dependenciesOf(files: PackageFiles): PackageRef[] {
  return Object.entries(files.manifest.dependencies).map(([id, version]) => ({ id, version }));
}

/** Depth-first post-order from the requested list: each package after its dependencies, otherwise as requested. */
function dependencyOrder(
  roots: readonly PackageRef[],
  found: ReadonlyMap<string, PackageFiles>,
  substitutes: ReadonlyMap<string, PackageRef>,
): PackageFiles[] {
  const ordered: PackageFiles[] = [];
  const visited = new Set<string>();
  const visit = (declared: PackageRef): void => {
    const ref = substitutes.get(formatPackageRef(declared)) ?? declared;
    const key = formatPackageRef(ref);
    const files = found.get(key);
    if (visited.has(key) || !files) return;
    visited.add(key);
    for (const dep of dependenciesOf(files)) visit(unaliasDependency(dep));
    ordered.push(files);
  };
  roots.forEach(visit);
  return ordered;
}

function refOf(key: string): PackageRef {
  const hash = key.indexOf('#');
  return { id: key.slice(0, hash), version: key.slice(hash + 1) };
}
