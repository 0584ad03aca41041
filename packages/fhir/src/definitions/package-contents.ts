/**
 * Sorts one IG package's files into what the registry serves: SearchParameters, profiles,
 * CapabilityStatements, canonical resources (parsed on first use) and examples.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { deepFreeze } from './deep-freeze.js';
import { indexEntries, type IndexEntry } from './package-index.js';
import type { PackageFiles } from './package-files.js';
import { profileFacts } from './profile-facts.js';
import type { IgCapabilityStatement, LoadedPackage, ProfileInfo } from './types.js';

type Json = Record<string, unknown>;

/** A canonical resource of a package, parsed when first asked for. */
export interface CanonicalEntry {
  readonly url: string;
  readonly version: string | undefined;
  readonly load: () => Json;
}

export interface PackageContents {
  readonly info: LoadedPackage;
  /** `package-id@version`, the `source` of everything below. */
  readonly source: string;
  /** package.json `date`, '' when absent; ranks overlapping SearchParameters. */
  readonly date: string;
  readonly searchParameters: readonly Json[];
  readonly profiles: readonly ProfileInfo[];
  readonly capabilityStatements: readonly IgCapabilityStatement[];
  readonly canonicals: readonly CanonicalEntry[];
  /** Example files (package/example/, and root files the IG flags as examples), deflated (`pack`). */
  readonly examples: readonly Uint8Array[];
}

/** Classifies the files of one package; parses only SearchParameters, CapabilityStatements, the IG and resource profiles. */
export function packageContents(files: PackageFiles): PackageContents {
  const { name: id, version } = files.manifest;
  const source = `${id}@${version}`;
  const entries = indexEntries(files);
  const parse = (entry: IndexEntry): Json => parseJson(files.root.get(entry.filename)!, `${files.location}: ${entry.filename}`);
  const parseFrozen = (entry: IndexEntry): Json => deepFreeze(parse(entry));

  const ig = pickImplementationGuide(entries.filter((e) => e.resourceType === 'ImplementationGuide').map(parse), id);
  const exampleRefs = exampleReferences(ig);
  const searchParameters: Json[] = [];
  const profiles: ProfileInfo[] = [];
  const capabilityStatements: IgCapabilityStatement[] = [];
  const canonicals: CanonicalEntry[] = [];
  const examples: Uint8Array[] = [...files.examples.keys()].sort().map((name) => pack(files.examples.get(name)!));

  for (const entry of entries) {
    if (exampleRefs.has(`${entry.resourceType}/${entry.id}`)) {
      examples.push(pack(files.root.get(entry.filename)!));
      continue;
    }
    // Kept parsed: SearchParameters and CapabilityStatements are small and served as they are.
    let parsed: Json | undefined;
    if (entry.resourceType === 'SearchParameter') searchParameters.push((parsed = parseFrozen(entry)));
    if (entry.resourceType === 'CapabilityStatement') {
      parsed = parseFrozen(entry);
      capabilityStatements.push({ url: String(parsed.url ?? `${source}/${entry.filename}`), source, resource: parsed });
    }
    // Profiles: only their header is read; snapshots are large and rarely resolved.
    if (entry.resourceType === 'StructureDefinition' && entry.kind === 'resource') {
      const profile = profileFacts(files.root.get(entry.filename)!, source);
      if (profile) profiles.push(profile);
    }
    if (entry.url !== undefined) {
      // Loaders are made outside this function: a closure made here would keep its scope, and
      // with it every file of the package, reachable.
      const load = parsed !== undefined ? constant(parsed) : packedLoader(files.root.get(entry.filename)!, `${files.location}: ${entry.filename}`);
      canonicals.push({ url: entry.url, version: entry.version, load });
    }
  }

  const igUrl = typeof ig?.url === 'string' ? ig.url : undefined;
  const title = typeof ig?.title === 'string' ? ig.title : files.manifest.title;
  const info: LoadedPackage = Object.freeze({ id, version, location: files.location, ...(igUrl ? { igUrl } : {}), ...(title ? { title } : {}) });
  return { info, source, date: files.manifest.date ?? '', searchParameters, profiles, capabilityStatements, canonicals, examples };
}

/** Packages often carry the IG twice (`ImplementationGuide-<id>.json` and `ig-r4.json`); prefer the one for this package. */
function pickImplementationGuide(guides: readonly Json[], packageId: string): Json | undefined {
  return guides.find((g) => g.packageId === packageId) ?? guides[0];
}

/** `Type/id` of the resources the IG marks as examples (`exampleBoolean` or `exampleCanonical`). */
function exampleReferences(ig: Json | undefined): Set<string> {
  const resources = ((ig?.definition as Json | undefined)?.resource ?? []) as Json[];
  const refs = resources
    .filter((r) => r.exampleBoolean === true || typeof r.exampleCanonical === 'string')
    .map((r) => (r.reference as Json | undefined)?.reference)
    .filter((ref): ref is string => typeof ref === 'string');
  return new Set(refs);
}

function parseJson(bytes: Buffer, where: string): Json {
  try {
    return JSON.parse(bytes.toString('utf8')) as Json;
  } catch (error) {
    throw new Error(`${where} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function constant(value: Json): () => Json {
  return () => value;
}

/**
 * A canonical resource kept deflated until first asked for. Profile snapshots are ~30 MB of JSON
 * across the IGs served, and only the few profiles the validator meets are ever parsed; deflated
 * they hold ~5 MB, and no other file of the package stays reachable.
 */
function packedLoader(bytes: Buffer, where: string): () => Json {
  const packed = pack(bytes);
  let parsed: Json | undefined;
  return () => (parsed ??= deepFreeze(parseJson(unpack(packed), where)));
}

/** Bytes deflated, for keeping; `unpack` restores them. */
export function pack(bytes: Uint8Array): Uint8Array {
  // A copy of exactly its size: zlib's result can be a view of a larger output buffer.
  return new Uint8Array(deflateRawSync(bytes, { level: 1 }));
}

export function unpack(packed: Uint8Array): Buffer {
  return inflateRawSync(packed);
}
