/**
 * Start-up entry point: finds the IG packages and their dependencies, reads them with the base R4
 * definitions, and builds the Registry. See docs/decisions/0002-fhir-package-loading.md.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCoreSearchParameters, medplumR4File, readBaseResourceTypes } from './base-definitions.js';
import { buildRegistry } from './build-registry.js';
import { DEFAULT_OPTIONAL_DEPENDENCIES } from './dependency-policy.js';
import { readOwnDefinitions } from './own-definitions.js';
import { packageContents } from './package-contents.js';
import { PackageNotFoundError } from './package-not-found-error.js';
import { formatPackageRef, parsePackageRef } from './package-ref.js';
import { DEFAULT_PACKAGE_REGISTRIES, parsePackageRegistry, type PackageRegistry } from './package-registries.js';
import type { RegistryLogger } from './registry-logger.js';
import { reportSkippedDependencies } from './report-skipped-dependencies.js';
import { resolvePackages } from './resolve-packages.js';
import type { Registry } from './types.js';

export { DEFAULT_OPTIONAL_DEPENDENCIES } from './dependency-policy.js';
export { elementForJsonName } from './element-for-json-name.js';
export { PackageNotFoundError, type MissingPackage } from './package-not-found-error.js';
export type { PackageRef } from './package-ref.js';
export {
  DEFAULT_PACKAGE_REGISTRIES,
  formatPackageRegistry,
  parsePackageRegistries,
  parsePackageRegistry,
  type PackageRegistry,
} from './package-registries.js';
export type { RegistryLogger } from './registry-logger.js';

/** The IGs the payer APIs conform to (CMS-0057-F recommended versions, and Plan-Net's current one). */
export const DEFAULT_IG_PACKAGES: readonly string[] = Object.freeze([
  'hl7.fhir.us.davinci-pdex-plan-net#1.1.0',
  'hl7.fhir.us.davinci-pdex-plan-net#1.2.0',
  'hl7.fhir.us.davinci-drug-formulary#2.0.1',
  'hl7.fhir.us.carin-bb#2.0.0',
  'hl7.fhir.us.davinci-pdex#2.0.0',
  'hl7.fhir.us.core#3.1.1',
  'hl7.fhir.us.core#6.1.0',
]);

export const DEFAULT_FETCH_TIMEOUT_MS = 5000;

export interface LoadRegistryOptions {
  /** Directories searched first (`FHIR_PACKAGES`): `<id>-<version>.tgz`, `<id>#<version>/package` or `<id>-<version>/package`. */
  readonly packageDirs?: readonly string[];
  /** The FHIR package cache; default `~/.fhir/packages`. Downloads are extracted here. */
  readonly cacheDir?: string;
  /** Packages to load, as `id#version`; default DEFAULT_IG_PACKAGES. */
  readonly packages?: readonly string[];
  /**
   * Registries a missing package is downloaded from, in order: parsed entries or configuration text
   * (`https://…` = FHIR package registry, `npm:https://…` = npm registry). Default
   * DEFAULT_PACKAGE_REGISTRIES (packages.fhir.org, then registry.npmjs.org); empty = never download.
   */
  readonly registries?: readonly (PackageRegistry | string)[];
  /** How long each registry has to answer before it counts as failed; default 5000 ms. */
  readonly fetchTimeoutMs?: number;
  /** False: never download (air-gapped installs, tests). Default true. */
  readonly download?: boolean;
  /** Dependency ids (trailing `*` = prefix) reported but not loaded; default DEFAULT_OPTIONAL_DEPENDENCIES. */
  readonly optionalDependencies?: readonly string[];
  readonly logger?: RegistryLogger;
  /** False: leave out payerport's own SearchParameters (own-definitions.ts). Default true. */
  readonly ownDefinitions?: boolean;
}

const SILENT: RegistryLogger = { warn: () => undefined, info: () => undefined };

/**
 * Loads the base R4 definitions and the IG packages with their dependencies into a Registry.
 * Throws PackageNotFoundError (listing every missing package and where it was looked for).
 */
export async function loadRegistry(options: LoadRegistryOptions = {}): Promise<Registry> {
  const started = performance.now();
  const logger = options.logger ?? SILENT;
  const cacheDir = resolve(options.cacheDir ?? join(homedir(), '.fhir', 'packages'));
  const fetchTimeoutMs = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  if (!(fetchTimeoutMs > 0)) throw new Error(`fetchTimeoutMs must be a positive number of milliseconds, not ${fetchTimeoutMs}`);
  const find = {
    // Absolute, so the places listed in a missing-package error can be checked by hand.
    packageDirs: (options.packageDirs ?? []).map((dir) => resolve(dir)),
    cacheDir,
    registries: (options.registries ?? DEFAULT_PACKAGE_REGISTRIES).map((r) => (typeof r === 'string' ? parsePackageRegistry(r) : r)),
    fetchTimeoutMs,
    download: options.download ?? true,
  };
  const requested = (options.packages ?? DEFAULT_IG_PACKAGES).map(parsePackageRef);
  const baseFile = medplumR4File('profiles-resources.json');

  // The three reads are independent; together they are most of the start-up time.
  const [baseResourceTypes, core, resolved, own] = await Promise.all([
    readBaseResourceTypes(baseFile),
    findCoreSearchParameters(find),
    resolvePackages(requested, { ...find, optionalDependencies: options.optionalDependencies ?? DEFAULT_OPTIONAL_DEPENDENCIES }),
    options.ownDefinitions === false ? undefined : readOwnDefinitions(),
  ]);
  if (core.missing || resolved.missing.length > 0) {
    throw new PackageNotFoundError([...(core.missing ? [core.missing] : []), ...resolved.missing], cacheDir);
  }

  await reportSkippedDependencies(resolved.skipped, find, logger);
  for (const { wanted, used, requiredBy } of resolved.substituted) {
    logger.warn(
      `FHIR package ${formatPackageRef(wanted)} (required by ${requiredBy.join(', ')}) was not found; ` +
        `using version ${used.version}, the nearest one available here`,
    );
  }
  for (const version of resolved.coreVersions.filter((v) => v !== '4.0.1')) {
    logger.warn(`hl7.fhir.r4.core#${version} was asked for; serving FHIR 4.0.1 definitions`);
  }
  const registry = buildRegistry({
    baseResourceTypes,
    core,
    baseLocation: baseFile,
    packages: [...resolved.packages.map(packageContents), ...(own === undefined ? [] : [own])],
    logger,
  });
  const loaded = registry.packages().map((p) => `${p.id}#${p.version}`).join(', ');
  logger.info(`FHIR definitions loaded in ${Math.round(performance.now() - started)} ms: ${loaded}`);
  return registry;
}
