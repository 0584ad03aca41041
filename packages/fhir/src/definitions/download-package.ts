/**
 * Downloads a package from a FHIR package registry into the standard cache layout.
 * `GET {registry}/{id}/{version}` returns the package tarball (https://registry.fhir.org, packages.fhir.org).
 */
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { x as extract } from 'tar';
import { cachePackageDir } from './package-locations.js';
import type { PackageRef } from './package-ref.js';

export interface DownloadOptions {
  readonly registryUrl: string;
  readonly cacheDir: string;
  /** Time allowed for the registry to answer; short, so an offline start fails fast. */
  readonly timeoutMs: number;
  /** Time allowed for the whole body once the registry has answered (packages are a few MB). */
  readonly bodyTimeoutMs?: number;
}

/** The URL a package is downloaded from. */
export function packageUrl(ref: PackageRef, registryUrl: string): string {
  return `${registryUrl.replace(/\/+$/, '')}/${encodeURIComponent(ref.id)}/${encodeURIComponent(ref.version)}`;
}

/**
 * Downloads and extracts a package to `<cacheDir>/<id>#<version>/package`; returns that folder.
 * Throws an Error whose message says why (HTTP status, DNS failure, timeout).
 */
export async function downloadPackage(ref: PackageRef, options: DownloadOptions): Promise<string> {
  const tarball = await fetchTarball(packageUrl(ref, options.registryUrl), options);
  const target = cachePackageDir(ref, options.cacheDir);
  const packageRoot = dirname(target);
  await mkdir(options.cacheDir, { recursive: true });
  // Extract beside the final folder and rename, so a crash or a concurrent start never leaves half a package.
  const staging = await mkdtemp(join(options.cacheDir, `.download-${ref.id}#${ref.version}-`));
  try {
    await extractTo(staging, tarball).catch((error: Error) => {
      throw new Error(`the download is not a package tarball (${error.message})`, { cause: error });
    });
    await stat(join(staging, 'package', 'package.json')).catch(() => {
      throw new Error('the download is not a FHIR package (no package/package.json)');
    });
    await rename(staging, packageRoot).catch(async (error: NodeJS.ErrnoException) => {
      // Another process filled the cache first: keep its copy.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

async function fetchTarball(url: string, options: DownloadOptions): Promise<Buffer> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/tar+gzip, application/gzip, */*' } });
    clearTimeout(timer);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const bodyTimeoutMs = options.bodyTimeoutMs ?? 120_000;
    timer = setTimeout(() => controller.abort(new Error(`download not finished within ${bodyTimeoutMs} ms`)), bodyTimeoutMs);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new Error(describeFetchError(error, controller.signal), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** undici reports DNS and connection failures as "fetch failed" with the real reason in `cause`. */
function describeFetchError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason.message;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function extractTo(cwd: string, tarball: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    // strict: a corrupt archive is an error, not a partial package; tar refuses absolute and `..` paths by default.
    const unpack = extract({ cwd, strict: true });
    unpack.on('close', () => resolve());
    unpack.on('error', reject);
    unpack.end(tarball);
  });
}
