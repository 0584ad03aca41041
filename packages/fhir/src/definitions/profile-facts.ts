/**
 * The few facts the registry needs from an IG profile (url, version, name, type, derivation),
 * read without parsing its snapshot. The default IGs ship 19 MB of resource profiles; parsing
 * them whole cost more start-up time than everything else in the packages together.
 */
import type { ProfileInfo } from './types.js';

type Json = Record<string, unknown>;

const SNAPSHOT_KEY = Buffer.from('"snapshot"');
const REQUIRED = ['url', 'type', 'derivation'] as const;

/** ProfileInfo for a constraining resource profile, or undefined for anything else. */
export function profileFacts(bytes: Buffer, source: string): ProfileInfo | undefined {
  const sd = headerOf(bytes) ?? (JSON.parse(bytes.toString('utf8')) as Json);
  if (sd.resourceType !== 'StructureDefinition' || sd.kind !== 'resource' || sd.derivation !== 'constraint') return undefined;
  if (typeof sd.url !== 'string' || typeof sd.type !== 'string') return undefined;
  const name = typeof sd.name === 'string' ? sd.name : String(sd.id);
  return Object.freeze({ url: sd.url, name, type: sd.type, source, ...(typeof sd.version === 'string' ? { version: sd.version } : {}) });
}

/**
 * The top-level elements written before `snapshot`. Publishers write StructureDefinitions in
 * element order (url … type, baseDefinition, derivation, then snapshot), so the prefix up to the
 * `"snapshot"` key, closed with `}`, is valid JSON holding all we need. Undefined when that does
 * not work out (other key order, no snapshot), and the caller parses the whole file instead.
 */
function headerOf(bytes: Buffer): Json | undefined {
  let at = bytes.indexOf(SNAPSHOT_KEY);
  // Inside a string the quote would be escaped (`\"snapshot\"`), so skip those occurrences.
  while (at > 0 && bytes[at - 1] === 0x5c) at = bytes.indexOf(SNAPSHOT_KEY, at + 1);
  if (at < 0) return undefined;
  const prefix = bytes.toString('utf8', 0, at).replace(/,\s*$/, '');
  try {
    const header = JSON.parse(`${prefix}}`) as Json;
    return REQUIRED.every((key) => key in header) ? header : undefined;
  } catch {
    return undefined;
  }
}
