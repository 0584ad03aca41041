/**
 * A FHIR package held in memory as raw file bytes, whatever it was read from (a .tgz or a folder).
 * Only `package/*.json` and `package/example/*.json` are kept: `xml/`, `openapi/` and `other/`
 * carry nothing the registry uses.
 */
import type { PackageRef } from './package-ref.js';

/** The parts of `package/package.json` the loader reads. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly title?: string;
  /** Build timestamp, `yyyyMMddHHmmss`; orders IGs by recency when their definitions overlap. */
  readonly date?: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** One package's files, keyed by file name relative to `package/` (or `package/example/`). */
export interface PackageFiles {
  readonly manifest: PackageManifest;
  /** Where it was read from (the .tgz or the `package` folder). */
  readonly location: string;
  readonly root: ReadonlyMap<string, Buffer>;
  readonly examples: ReadonlyMap<string, Buffer>;
  /** `package/.index.json`, which names each file's resourceType, url and kind without parsing it. */
  readonly index: Buffer | undefined;
}

/** Sorts a file under `package/` into root, example or index, or says it is not wanted (undefined). */
export function classifyPackagePath(relative: string): { folder: 'root' | 'examples' | 'index'; name: string } | undefined {
  if (relative === '.index.json') return { folder: 'index', name: relative };
  const parts = relative.split('/');
  const name = parts[parts.length - 1]!;
  // package.json is the manifest and other dot-files are tool indexes: none is a resource.
  if (!name.endsWith('.json') || name.startsWith('.') || relative === 'package.json') return undefined;
  if (parts.length === 1) return { folder: 'root', name };
  if (parts.length === 2 && parts[0] === 'example') return { folder: 'examples', name };
  return undefined;
}

/** Reads `package.json`, checking it is the package we asked for (a misnamed file is an error, not a guess). */
export function parseManifest(bytes: Buffer | undefined, location: string, expected: PackageRef): PackageManifest {
  if (!bytes) throw new Error(`${location} is not a FHIR package: it has no package/package.json`);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${location}: package/package.json is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const { name, version } = json;
  if (name !== expected.id || version !== expected.version) {
    throw new Error(`${location} contains ${String(name)}#${String(version)}, expected ${expected.id}#${expected.version}`);
  }
  const dependencies = isStringRecord(json.dependencies) ? json.dependencies : {};
  return {
    name,
    version,
    dependencies,
    ...(typeof json.title === 'string' ? { title: json.title } : {}),
    ...(typeof json.date === 'string' ? { date: json.date } : {}),
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}
