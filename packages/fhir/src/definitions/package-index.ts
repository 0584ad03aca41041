/**
 * What each root file of a package is (resourceType, id, url, kind), from `package/.index.json`
 * when the package has one, so most files never need parsing at start-up.
 * https://hl7.org/fhir/packages.html#2.1.10.4
 */
import type { PackageFiles } from './package-files.js';

/** One file of a package, described without parsing it. */
export interface IndexEntry {
  readonly filename: string;
  readonly resourceType: string;
  readonly id?: string;
  readonly url?: string;
  readonly version?: string;
  readonly kind?: string;
}

/** Index entries for every root resource file, sorted by file name; files the index lacks are parsed. */
export function indexEntries(files: PackageFiles): IndexEntry[] {
  const indexed = new Map<string, IndexEntry>();
  for (const entry of readIndex(files.index)) {
    if (files.root.has(entry.filename)) indexed.set(entry.filename, entry);
  }
  for (const [filename, bytes] of files.root) {
    if (!indexed.has(filename)) {
      const entry = describeFile(filename, bytes);
      if (entry) indexed.set(filename, entry);
    }
  }
  return [...indexed.values()].sort((a, b) => (a.filename < b.filename ? -1 : 1));
}

function readIndex(bytes: Buffer | undefined): IndexEntry[] {
  if (!bytes) return [];
  try {
    const files = (JSON.parse(bytes.toString('utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter(isIndexEntry) : [];
  } catch {
    return []; // A broken index only costs time: every file is then parsed instead.
  }
}

function describeFile(filename: string, bytes: Buffer): IndexEntry | undefined {
  try {
    const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    if (typeof json.resourceType !== 'string') return undefined;
    const text = (key: string): Record<string, string> => (typeof json[key] === 'string' ? { [key]: json[key] as string } : {});
    return { filename, resourceType: json.resourceType, ...text('id'), ...text('url'), ...text('version'), ...text('kind') };
  } catch {
    return undefined; // Not JSON: not a resource (some packages ship other .json artefacts).
  }
}

function isIndexEntry(value: unknown): value is IndexEntry {
  const e = value as Partial<IndexEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.filename === 'string' && typeof e.resourceType === 'string';
}
