/**
 * Start-up entry point: finds the IG packages and their dependencies, reads them with the base R4
 * definitions, and builds the Registry. See docs/decisions/0002-fhir-package-loading.md.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCoreSearchParameters, medplumR4File, readBaseResourceTypes } from './base-definitions.js';
import { buildRegistry } from './build-registry.js';
import { DEFAULT_OPTIONAL_DEPENDENCIES } from './dependency-policy.js';
import { packageContents } from './package-contents.js';
import { PackageNotFoundError } from './package-not-found-error.js';
import { parsePackageRef } from './package-ref.js';
import type { RegistryLogger } from './registry-logger.js';
import { reportSkippedDependencies } from './report-skipped-dependencies.js';
import { resolvePackages } from './resolve-packages.js';
import type { Registry } from './types.js';

export { DEFAULT_OPTIONAL_DEPENDENCIES } from './dependency-policy.js';
export { elementForJsonName } from './element-for-json-name.js';
export { PackageNotFoundError, type MissingPackage } from './package-not-found-error.js';
export type { PackageRef } from './package-ref.js';
export type { RegistryLogger } from './registry-logger.js';

/** The IGs the payer APIs conform to (CMS-0057-F recommended versions). */
export const DEFAULT_IG_PACKAGES: readonly string[] = Object.freeze([
  'hl7.fhir.us.davinci-pdex-plan-net#1.1.0',
  'hl7.fhir.us.davinci-drug-formulary#2.0.1',
  'hl7.fhir.us.carin-bb#2.0.0',
  'hl7.fhir.us.davinci-pdex#2.0.0',
  'hl7.fhir.us.core#3.1.1',
  'hl7.fhir.us.core#6.1.0',
]);

export const DEFAULT_REGISTRY_URL = 'https://packages.fhir.org';
export const DEFAULT_FETCH_TIMEOUT_MS = 5000;

export interface LoadRegistryOptions {
  /** Directories searched first (`FHIR_PACKAGES`): `<id>-<version>.tgz`, `<id>#<version>/package` or `<id>-<version>/package`. */
  readonly packageDirs?: readonly string[];
  /** The FHIR package cache; default `~/.fhir/packages`. Downloads are extracted here. */
  readonly cacheDir?: string;
  /** Packages to load, as `id#version`; default DEFAULT_IG_PACKAGES. */
  readonly packages?: readonly string[];
  /** FHIR package registry; default https://packages.fhir.org. */
  readonly registryUrl?: string;
  /** How long to wait for the registry to answer before calling a package missing; default 5000 ms. */
  readonly fetchTimeoutMs?: number;
  /** False: never download (air-gapped installs, tests). Default true. */
  readonly download?: boolean;
  /** Dependency ids (trailing `*` = prefix) reported but not loaded; default DEFAULT_OPTIONAL_DEPENDENCIES. */
  readonly optionalDependencies?: readonly string[];
  readonly logger?: RegistryLogger;
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
    registryUrl: options.registryUrl ?? DEFAULT_REGISTRY_URL,
    fetchTimeoutMs,
    download: options.download ?? true,
  };
  const requested = (options.packages ?? DEFAULT_IG_PACKAGES).map(parsePackageRef);
  const baseFile = medplumR4File('profiles-resources.json');

  // The three reads are independent; together they are most of the start-up time.
  const [baseResourceTypes, core, resolved] = await Promise.all([
    readBaseResourceTypes(baseFile),
    findCoreSearchParameters(find),
    resolvePackages(requested, { ...find, optionalDependencies: options.optionalDependencies ?? DEFAULT_OPTIONAL_DEPENDENCIES }),
  ]);
  if (core.missing || resolved.missing.length > 0) {
    throw new PackageNotFoundError([...(core.missing ? [core.missing] : []), ...resolved.missing], cacheDir);
  }

  await reportSkippedDependencies(resolved.skipped, find, logger);
  for (const version of resolved.coreVersions.filter((v) => v !== '4.0.1')) {
    logger.warn(`hl7.fhir.r4.core#${version} was asked for; serving FHIR 4.0.1 definitions`);
  }
  const registry = buildRegistry({
    baseResourceTypes,
    core,
    baseLocation: baseFile,
    packages: resolved.packages.map(packageContents),
    logger,
  });
  const loaded = registry.packages().map((p) => `${p.id}#${p.version}`).join(', ');
  logger.info(`FHIR definitions loaded in ${Math.round(performance.now() - started)} ms: ${loaded}`);
  return registry;
}
