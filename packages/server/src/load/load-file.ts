/**
 * `payerport load FILE --env NAME`: NDJSON or a Bundle, all or nothing. NDJSON and collection
 * Bundles go through store.bulkLoad in one batch (one transaction); batch and transaction
 * Bundles run as a FHIR transaction (urn:uuid references resolved).
 */
import { FhirError } from '@payerport/fhir';
import { fhirRequest, parseRoute, type FhirApi } from '@payerport/fhir-api';
import type { Store } from '@payerport/store';
import { countByType } from './check-resource.js';
import { bundleEntries, readBundleFile } from './read-bundle.js';
import { readNdjson } from './read-ndjson.js';

export interface LoadTarget {
  readonly store: Store;
  readonly api: FhirApi;
  readonly types: ReadonlySet<string>;
  readonly env: string;
  readonly baseUrl: string;
}

export interface LoadReport {
  readonly loaded: number;
  readonly byType: Record<string, number>;
}

/** Nothing was written: every problem found, one per line. */
export class LoadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Nothing was loaded:\n  ${problems.slice(0, 100).join('\n  ')}${problems.length > 100 ? `\n  ... and ${problems.length - 100} more` : ''}`);
    this.name = 'LoadError';
  }
}

export async function loadFile(path: string, target: LoadTarget): Promise<LoadReport> {
  if (/\.(ndjson|jsonl)$/i.test(path)) {
    const { resources, problems } = await readNdjson(path, target.types);
    if (problems.length > 0) throw new LoadError(problems.map((p) => `line ${p.line}: ${p.reason}`));
    return bulk(target, resources);
  }
  const b = await readBundleFile(path);
  if (typeof b === 'string') throw new LoadError([b]);
  if (b.type === 'transaction' || b.type === 'batch') return transaction(target, { ...b, type: 'transaction' });
  const { resources, problems } = bundleEntries(b, target.types);
  if (problems.length > 0) throw new LoadError(problems.map((p) => `Bundle.entry[${p.entry}]: ${p.reason}`));
  return bulk(target, resources);
}

async function bulk(target: LoadTarget, resources: Record<string, unknown>[]): Promise<LoadReport> {
  // One batch = one transaction: a failure part-way leaves nothing behind.
  const loaded = await target.store.bulkLoad(target.env, resources, { batchSize: Math.max(1, resources.length) });
  return { loaded, byType: countByType(resources) };
}

async function transaction(target: LoadTarget, bundle: Record<string, unknown>): Promise<LoadReport> {
  try {
    await target.api.handle(fhirRequest(parseRoute('POST', ''), {
      method: 'POST', query: [], headers: { prefer: 'return=minimal' }, body: bundle, env: target.env, baseUrl: target.baseUrl, isAdmin: true,
    }));
  } catch (error) {
    if (error instanceof FhirError) throw new LoadError(error.outcome.issue.map((i) => i.diagnostics ?? i.code));
    throw error;
  }
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as Array<{ request?: { method?: unknown }; resource?: Record<string, unknown> }>) : [];
  const written = entries.filter((e) => e.request?.method === 'POST' || e.request?.method === 'PUT').map((e) => e.resource).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
  return { loaded: written.length, byType: countByType(written) };
}
