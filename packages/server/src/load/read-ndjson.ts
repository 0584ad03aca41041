/**
 * Reads FHIR NDJSON (https://hl7.org/fhir/uv/bulkdata/ — one resource per line) and checks every
 * line before anything is written; problems are reported with their line numbers.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkResource } from './check-resource.js';
import { parseJsonBody } from '../http/json-body.js';

export interface NdjsonResult {
  readonly resources: Record<string, unknown>[];
  /** `line N: why`, in file order. */
  readonly problems: string[];
}

export async function readNdjson(path: string, types: ReadonlySet<string>): Promise<NdjsonResult> {
  const resources: Record<string, unknown>[] = [];
  const problems: string[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = parseJsonBody(line, 'the line');
    } catch (error) {
      problems.push(`line ${n}: ${(error as Error).message}`);
      continue;
    }
    const problem = checkResource(value, types);
    if (problem) problems.push(`line ${n}: ${problem}`);
    else resources.push(value as Record<string, unknown>);
  }
  return { resources, problems };
}
