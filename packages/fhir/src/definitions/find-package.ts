/**
 * Finds one package and reads it: package directories, then the cache, then the registry.
 * Records every place looked, so a missing package can be reported precisely.
 */
import { downloadPackage, packageUrl } from './download-package.js';
import { firstExisting, localCandidates } from './package-locations.js';
import type { PackageFiles } from './package-files.js';
import type { PackageRef } from './package-ref.js';
import { readPackageDir } from './read-package-dir.js';
import { readPackageTgz } from './read-package-tgz.js';

export interface FindPackageOptions {
  readonly packageDirs: readonly string[];
  readonly cacheDir: string;
  readonly registryUrl: string;
  readonly fetchTimeoutMs: number;
  /** False: never go to the network (tests, air-gapped installs). */
  readonly download: boolean;
}

/** A package read into memory, or the list of places it was not found. */
export type FindPackageResult =
  | { readonly files: PackageFiles; readonly looked?: undefined }
  | { readonly files?: undefined; readonly looked: readonly string[] };

/** Looks for a package everywhere it may be and reads it; does not throw when it is simply absent. */
export async function findPackage(ref: PackageRef, options: FindPackageOptions): Promise<FindPackageResult> {
  const candidates = localCandidates(ref, options.packageDirs, options.cacheDir);
  const local = await firstExisting(candidates);
  if (local) {
    const files = local.kind === 'tgz' ? await readPackageTgz(local.path, ref) : await readPackageDir(local.path, ref);
    return { files };
  }
  const looked = candidates.map((c) => c.path);
  if (!options.download) return { looked };
  const url = packageUrl(ref, options.registryUrl);
  try {
    const dir = await downloadPackage(ref, { registryUrl: options.registryUrl, cacheDir: options.cacheDir, timeoutMs: options.fetchTimeoutMs });
    return { files: await readPackageDir(dir, ref) };
  } catch (error) {
    return { looked: [...looked, `${url} (download failed: ${(error as Error).message})`] };
  }
}
