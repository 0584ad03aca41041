/**
 * Finds one package and reads it: package directories, then the cache, then each registry in turn.
 * Records every place looked, so a missing package can be reported precisely.
 */
import { downloadPackage } from './download-package.js';
import { firstExisting, localCandidates } from './package-locations.js';
import type { PackageFiles } from './package-files.js';
import type { PackageRef } from './package-ref.js';
import { tarballUrl, type PackageRegistry } from './package-registries.js';
import { readPackageDir } from './read-package-dir.js';
import { readPackageTgz } from './read-package-tgz.js';

export interface FindPackageOptions {
  readonly packageDirs: readonly string[];
  readonly cacheDir: string;
  /** Registries to download from, in order; the first that delivers the package wins. */
  readonly registries: readonly PackageRegistry[];
  /** Time each registry has to answer. */
  readonly fetchTimeoutMs: number;
  /** False: never go to the network (tests, air-gapped installs); same as no registries. */
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
  // One registry after the other, not in parallel: the first usually has it, and a package is a few MB.
  for (const registry of options.registries) {
    try {
      const dir = await downloadPackage(ref, { registry, cacheDir: options.cacheDir, timeoutMs: options.fetchTimeoutMs });
      return { files: await readPackageDir(dir, ref) };
    } catch (error) {
      looked.push(`${tarballUrl(ref, registry)} (download failed: ${(error as Error).message})`);
    }
  }
  return { looked };
}
