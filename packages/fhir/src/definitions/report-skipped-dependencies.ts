/**
 * Tells the operator about optional dependencies (terminology and the like, see dependency-policy.ts)
 * that were not loaded: a warning when no version is on this machine, an info line when one is.
 */
import { nearestVersion } from './dependency-policy.js';
import { localVersions } from './package-locations.js';
import type { RegistryLogger } from './registry-logger.js';
import type { SkippedDependency } from './resolve-packages.js';

/** Logs one line per skipped package id; never fails start-up. */
export async function reportSkippedDependencies(
  skipped: readonly SkippedDependency[],
  where: { readonly packageDirs: readonly string[]; readonly cacheDir: string },
  logger: RegistryLogger,
): Promise<void> {
  const byId = new Map<string, SkippedDependency[]>();
  for (const s of skipped) byId.set(s.ref.id, [...(byId.get(s.ref.id) ?? []), s]);

  await Promise.all([...byId].map(async ([id, list]) => {
    const wanted = list.map((s) => s.ref.version);
    const requiredBy = [...new Set(list.flatMap((s) => s.requiredBy))].join(', ');
    const available = await localVersions(id, where.packageDirs, where.cacheDir);
    const what = `${id}#${wanted.join(' / ')} (required by ${requiredBy})`;
    const why = 'it carries no SearchParameters or profiles the server uses';
    if (available.length === 0) {
      logger.warn(`FHIR package ${what} is not available; continuing without it: ${why}`);
    } else {
      const nearest = wanted.map((v) => nearestVersion(v, available)).join(' / ');
      logger.info(`FHIR package ${what} not loaded (nearest version here: ${nearest}): ${why}`);
    }
  }));
}
