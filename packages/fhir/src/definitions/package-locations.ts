/**
 * Where a package may sit on this machine: the configured package directories (three common
 * layouts) and the standard FHIR package cache (`~/.fhir/packages/<id>#<version>/package`).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageRef } from './package-ref.js';

/** A place to look: an extracted `package` folder or a tarball. */
export interface LocalCandidate {
  readonly path: string;
  readonly kind: 'dir' | 'tgz';
}

/** The places a package may be, in search order: each package directory, then the cache. */
export function localCandidates(ref: PackageRef, packageDirs: readonly string[], cacheDir: string): LocalCandidate[] {
  const { id, version } = ref;
  const inDirs = packageDirs.flatMap((dir): LocalCandidate[] => [
    { path: join(dir, `${id}#${version}`, 'package'), kind: 'dir' },
    { path: join(dir, `${id}-${version}.tgz`), kind: 'tgz' },
    { path: join(dir, `${id}-${version}`, 'package'), kind: 'dir' },
  ]);
  return [...inDirs, { path: cachePackageDir(ref, cacheDir), kind: 'dir' }];
}

/** `<cacheDir>/<id>#<version>/package`, the standard cache layout. */
export function cachePackageDir(ref: PackageRef, cacheDir: string): string {
  return join(cacheDir, `${ref.id}#${ref.version}`, 'package');
}

/** The first candidate that exists (a folder counts only if it has a package.json). */
export async function firstExisting(candidates: readonly LocalCandidate[]): Promise<LocalCandidate | undefined> {
  const present = await Promise.all(candidates.map((c) => isFile(c.kind === 'dir' ? join(c.path, 'package.json') : c.path)));
  return candidates[present.indexOf(true)];
}

/** Versions of a package id present in the package directories or the cache, in any layout. */
export async function localVersions(id: string, packageDirs: readonly string[], cacheDir: string): Promise<string[]> {
  const listings = await Promise.all([...packageDirs, cacheDir].map((dir) => readdir(dir).catch(() => [] as string[])));
  const named = new Set(listings.flat().map((name) => versionInName(id, name)).filter((v) => v !== undefined));
  // A name is not enough: `hl7.fhir.uv.bulkdata-2.0.0-source/` holds loose resources, not a package.
  const present = await Promise.all([...named].map((version) => firstExisting(localCandidates({ id, version }, packageDirs, cacheDir))));
  return [...named].filter((_, i) => present[i] !== undefined);
}

/** `hl7.terminology.r4#5.0.0`, `hl7.terminology.r4-5.0.0.tgz` or `hl7.terminology.r4-5.0.0` → `5.0.0`. */
function versionInName(id: string, name: string): string | undefined {
  const rest = name.startsWith(`${id}#`) || name.startsWith(`${id}-`) ? name.slice(id.length + 1) : undefined;
  const version = rest?.endsWith('.tgz') ? rest.slice(0, -'.tgz'.length) : rest;
  // The version must start with a digit, so `hl7.fhir.us.davinci-pdex` does not claim `...-plan-net-1.1.0.tgz`;
  // loose .json files (the R4 search-parameter bundle) are not packages.
  return version !== undefined && /^\d[\w.+-]*$/.test(version) && !version.endsWith('.json') ? version : undefined;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
