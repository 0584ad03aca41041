/**
 * `payerport import roster FILE.ndjson|FILE.json`: FHIR resources instead of a CSV. The file is
 * read and checked with the same readers as `payerport load`, then turned into an ImportPlan,
 * so the import is as idempotent as a CSV roster: ids are required (no fresh UUIDs), a line
 * repeating an earlier resource is rejected, and every line stands or falls on its own.
 */
import type { ImportPlan, PlannedResource, RejectedRow } from '@payerport/data';
import { sourceChangedOf } from '@payerport/data';
import { bundleEntries, readBundleFile } from './read-bundle.js';
import { readNdjson } from './read-ndjson.js';

type Json = Record<string, unknown>;

interface Read {
  readonly resources: Json[];
  readonly positions: number[];
  readonly problems: { position: number; reason: string; value?: unknown }[];
  readonly count: number;
}

export const isNdjsonPath = (path: string): boolean => /\.(ndjson|jsonl)$/i.test(path);

export async function planFhirFile(path: string, types: ReadonlySet<string>): Promise<ImportPlan> {
  const ndjson = isNdjsonPath(path);
  let read: Read;
  if (ndjson) {
    const r = await readNdjson(path, types, { assignId: false });
    read = { resources: r.resources, positions: r.lines, problems: r.problems.map((p) => ({ position: p.line, reason: p.reason, value: p.value })), count: r.count };
  } else {
    const bundle = await readBundleFile(path);
    if (typeof bundle === 'string') return { rows: 0, resources: [], rejected: [], listedRoleIds: new Set(), unidentifiedRows: 0, fatal: [bundle] };
    const r = bundleEntries(bundle, types, { assignId: false });
    read = { resources: r.resources, positions: r.entries, problems: r.problems.map((p) => ({ position: p.entry, reason: p.reason, value: p.value })), count: r.count };
  }
  return toPlan(read, ndjson ? 'line' : 'entry');
}

function toPlan(read: Read, lineLabel: string): ImportPlan {
  const rejected: RejectedRow[] = read.problems.map((p) => ({ line: p.position, reason: p.reason }));
  const listedRoleIds = new Set<string>();
  let unidentifiedRows = 0;
  // A rejected line may still name a role (--full must keep it) — or be too broken to tell.
  for (const p of read.problems) {
    const v = p.value as Json | undefined;
    if (v?.resourceType === 'PractitionerRole' && typeof v.id === 'string') listedRoleIds.add(v.id);
    else if (typeof v?.resourceType !== 'string') unidentifiedRows++;
  }
  const seen = new Map<string, number>();
  const resources: PlannedResource[] = [];
  read.resources.forEach((resource, i) => {
    const position = read.positions[i]!;
    const ref = `${String(resource.resourceType)}/${String(resource.id)}`;
    if (resource.resourceType === 'PractitionerRole') listedRoleIds.add(String(resource.id));
    const earlier = seen.get(ref);
    if (earlier !== undefined) {
      rejected.push({ line: position, reason: `${ref} repeats ${lineLabel} ${earlier}` });
      return;
    }
    seen.set(ref, position);
    resources.push({ resource, lines: [position], requires: [], sourceChanged: sourceChangedOf(resource) });
  });
  rejected.sort((a, b) => a.line - b.line);
  return { rows: read.count, resources, rejected, listedRoleIds, unidentifiedRows, lineLabel };
}
