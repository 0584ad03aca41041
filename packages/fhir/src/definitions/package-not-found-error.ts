/**
 * The start-up error for FHIR packages that cannot be found: names each package, who needs it,
 * every place looked, and how to provide it.
 */
import { join } from 'node:path';
import { formatPackageRef, type PackageRef } from './package-ref.js';

/** One package that could not be found. */
export interface MissingPackage {
  readonly ref: PackageRef;
  /** `id#version` of the packages that depend on it, or a phrase such as "the requested package list". */
  readonly requiredBy: readonly string[];
  readonly looked: readonly string[];
  /** What to provide instead of `<id>-<version>.tgz`, when that is not the usual form (the R4 search-parameter bundle). */
  readonly provideAs?: string;
}

/** Thrown by loadRegistry when required packages are missing; lists all of them at once. */
export class PackageNotFoundError extends Error {
  override readonly name = 'PackageNotFoundError';

  constructor(
    readonly missing: readonly MissingPackage[],
    cacheDir: string,
  ) {
    super(describe(missing, cacheDir));
  }
}

function describe(missing: readonly MissingPackage[], cacheDir: string): string {
  const lines = [`FHIR package${missing.length > 1 ? 's' : ''} not found (the server cannot start without ${missing.length > 1 ? 'them' : 'it'}):`];
  for (const m of missing) {
    lines.push(`- ${formatPackageRef(m.ref)}, required by ${m.requiredBy.join(', ')}. Looked in:`);
    for (const place of m.looked) lines.push(`    ${place}`);
    const file = m.provideAs ?? `${m.ref.id}-${m.ref.version}.tgz`;
    lines.push(
      `  To provide it: put ${file} in a directory listed in FHIR_PACKAGES` +
        ` (directories separated by ':'), or extract the package to ${join(cacheDir, formatPackageRef(m.ref), 'package')}` +
        ' (the standard ~/.fhir/packages cache).',
    );
  }
  return lines.join('\n');
}
