/**
 * batch — https://hl7.org/fhir/R4/http.html#transaction. Each entry runs on its own (writes in
 * their own transactions); a failing entry becomes an OperationOutcome in its response.
 */
import { randomUUID } from 'node:crypto';
import { FhirError } from '@payerport/fhir';
import type { ApiContext } from '../model/api-context.js';
import type { DataAccess } from '../model/data-access.js';
import type { FhirRequest, FhirResponse } from '../model/fhir-request.js';
import { dispatch } from '../handlers/dispatch.js';
import { entryRequestAt } from './entry-request.js';
import { errorEntry, responseEntry } from './entry-response.js';
import { responseBundle } from './bundle-shape.js';

export async function batch(ctx: ApiContext, req: FhirRequest, entries: unknown[], data: DataAccess): Promise<FhirResponse> {
  const out: string[] = [];
  for (let index = 0; index < entries.length; index++) {
    try {
      // Parsed one at a time: a malformed entry fails only itself.
      const entry = entryRequestAt(req, entries[index], index);
      out.push(responseEntry(await dispatch(ctx, entry.req, data)));
    } catch (error) {
      const correlationId = randomUUID();
      if (!(error instanceof FhirError)) ctx.logger?.error({ err: error, correlationId, entry: index }, 'batch entry failed');
      out.push(errorEntry(error, correlationId));
    }
  }
  return { status: 200, body: responseBundle('batch-response', out, randomUUID()) };
}
