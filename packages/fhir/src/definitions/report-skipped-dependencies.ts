/**
 * Tells the operator about optional dependencies (terminology and the like, see dependency-policy.ts)
 * that were not loaded: a warning when no version is on this machine, an info line when one is.
 */
import { nearestVersion } from './dependency-policy.js';
import { localVersions } from './package-locations.js';
import type { RegistryLogger } from './registry-logger.js';
import type { SkippedDependency } from './resolve-packages.js';

/** Logs one warning naming every absent package, and an info line per one present; never fails start-up. */
export async function reportSkippedDependencies(
  skipped: readonly SkippedDependency[],
  where: { readonly packageDirs: readonly string[]; readonly cacheDir: string },
  logger: RegistryLogger,
): Promise<void> {
  const byId = new Map<string, SkippedDependency[]>();
  for (const s of skipped) byId.set(s.ref.id, [...(byId.get(s.ref.id) ?? []), s]);

  const why = 'they carry no SearchParameters or profiles the server uses';
  const absent: string[] = [];
  await Promise.all([...byId].map(async ([id, list]) => {
    const wanted = list.map((s) => s.ref.version);
    const requiredBy = [...new Set(list.flatMap((s) => s.requiredBy))].join(', ');
    const available = await localVersions(id, where.packageDirs, where.cacheDir);
    const what = `${id}#${wanted.join(' / ')} (required by ${requiredBy})`;
    if (available.length === 0) {
      absent.push(what);
    } else {
      const nearest = wanted.map((v) => nearestVersion(v, available)).join(' / ');
      logger.info(`FHIR package ${what} not loaded (nearest version here: ${nearest}): ${why.replace('they carry', 'it carries')}`);
    }
  }));
  // One line, not one per package: ten warnings at every start would drown the ones that matter.
  if (absent.length > 0) logger.warn(`${absent.length} optional FHIR packages are not available; continuing without them (${why}): ${absent.sort().join('; ')}`);
}
