/**
 * The registries a missing package is downloaded from, tried in order. Two URL layouts:
 * - `fhir`: a FHIR package registry, `GET {url}/{id}/{version}` (https://packages.fhir.org);
 * - `npm`: an npm registry, `GET {url}/{id}/-/{id}-{version}.tgz`, where many FHIR packages are
 *   also published (Plan-Net 1.2.0 is; the FHIR registry is unreachable on some networks).
 * Both answer with the same package tarball.
 */
import type { PackageRef } from './package-ref.js';

export interface PackageRegistry {
  /** Base URL, without a trailing slash. */
  readonly url: string;
  readonly layout: 'fhir' | 'npm';
}

export const FHIR_PACKAGE_REGISTRY: PackageRegistry = Object.freeze({ url: 'https://packages.fhir.org', layout: 'fhir' });
export const NPM_REGISTRY: PackageRegistry = Object.freeze({ url: 'https://registry.npmjs.org', layout: 'npm' });

/** The FHIR package registry first (the packages' home), then npm. */
export const DEFAULT_PACKAGE_REGISTRIES: readonly PackageRegistry[] = Object.freeze([FHIR_PACKAGE_REGISTRY, NPM_REGISTRY]);

/**
 * Parses one registry as written in configuration: `https://packages.fhir.org` (FHIR layout),
 * `npm:https://registry.npmjs.org` (npm layout), or `fhir:` + URL to be explicit.
 */
export function parsePackageRegistry(text: string): PackageRegistry {
  const trimmed = text.trim();
  const prefix = /^(npm|fhir):(?=https?:)/.exec(trimmed);
  const layout = (prefix?.[1] ?? 'fhir') as PackageRegistry['layout'];
  const rest = prefix ? trimmed.slice(prefix[0].length) : trimmed;
  let url: URL | undefined;
  try {
    url = new URL(rest);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    throw new Error(`'${text}' is not a package registry: expected an http(s) URL, optionally prefixed with npm: (e.g. npm:https://registry.npmjs.org)`);
  }
  return Object.freeze({ url: rest.replace(/\/+$/, ''), layout });
}

/** Parses a list separated by commas or whitespace; `none` means no registry (never download). */
export function parsePackageRegistries(text: string): PackageRegistry[] {
  const items = text.split(/[\s,]+/).filter((s) => s !== '');
  if (items.length === 1 && items[0] === 'none') return [];
  return items.map(parsePackageRegistry);
}

/** The URL of the package tarball in one registry. */
export function tarballUrl(ref: PackageRef, registry: PackageRegistry): string {
  const base = registry.url.replace(/\/+$/, '');
  const id = encodeURIComponent(ref.id);
  const version = encodeURIComponent(ref.version);
  return registry.layout === 'npm' ? `${base}/${id}/-/${id}-${version}.tgz` : `${base}/${id}/${version}`;
}

/** How a registry is shown in messages: its URL, tagged when it is an npm registry. */
export function formatPackageRegistry(registry: PackageRegistry): string {
  return registry.layout === 'npm' ? `npm:${registry.url}` : registry.url;
}
