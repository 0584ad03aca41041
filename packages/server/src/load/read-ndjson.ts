/**
 * Reads FHIR NDJSON (https://hl7.org/fhir/uv/bulkdata/ — one resource per line) and checks every
 * line before anything is written; problems are reported with their line numbers.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkResource, type CheckOptions } from './check-resource.js';
import { parseJsonBody } from '../http/json-body.js';

export interface NdjsonResult {
  readonly resources: Record<string, unknown>[];
  /** The line of each resource. */
  readonly lines: number[];
  /** In file order; `value` is the parsed line when it was JSON. */
  readonly problems: { line: number; reason: string; value?: unknown }[];
  /** Non-blank lines. */
  readonly count: number;
}

export async function readNdjson(path: string, types: ReadonlySet<string>, options: CheckOptions = {}): Promise<NdjsonResult> {
  const resources: Record<string, unknown>[] = [];
  const resourceLines: number[] = [];
  const problems: NdjsonResult['problems'] = [];
  let count = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    count++;
    let value: unknown;
    try {
      value = parseJsonBody(line, 'the line');
    } catch (error) {
      problems.push({ line: n, reason: (error as Error).message });
      continue;
    }
    const problem = checkResource(value, types, options);
    if (problem) problems.push({ line: n, reason: problem, value });
    else {
      resources.push(value as Record<string, unknown>);
      resourceLines.push(n);
    }
  }
  return { resources, lines: resourceLines, problems, count };
}
