/**
 * transaction — https://hl7.org/fhir/R4/http.html#trules. All entries run in one store
 * transaction, in the order the spec prescribes (DELETE, POST, PUT/PATCH, GET/HEAD); POSTs with
 * a `urn:uuid:` fullUrl get their ids first and the Bundle's references to them are rewritten.
 * Any failing entry rolls everything back and the request fails with that entry's error.
 */
import { randomUUID } from 'node:crypto';
import { badRequest } from '@payerport/fhir';
import type { StoreTx } from '@payerport/store';
import { requireWrite } from '../access/require-write.js';
import type { ApiContext } from '../model/api-context.js';
import { txAccess, type DataAccess } from '../model/data-access.js';
import { fhirRequest, type FhirRequest, type FhirResponse } from '../model/fhir-request.js';
import { dispatch } from '../handlers/dispatch.js';
import { createIn, ifNoneExistMatch } from '../handlers/create.js';
import { writeResponse } from '../http/responses.js';
import { preferences } from '../http/prefer.js';
import { validateResourceBody } from '../resource/validate-body.js';
import { atEntry, entryRequests, type EntryRequest } from './entry-request.js';
import { responseEntry } from './entry-response.js';
import { responseBundle } from './bundle-shape.js';
import { isPlaceholder, rewriteReferences } from './resolve-references.js';

const ORDER: Readonly<Record<string, number>> = { DELETE: 0, POST: 1, PUT: 2, PATCH: 2, GET: 3, HEAD: 3 };

export async function transaction(ctx: ApiContext, req: FhirRequest, entries: unknown[], data: DataAccess): Promise<FhirResponse> {
  const list = entryRequests(req, entries);
  checkDistinctTargets(list);
  const ordered = [...list].sort((a, b) => ORDER[a.req.method]! - ORDER[b.req.method]! || a.index - b.index);
  const results: string[] = new Array<string>(list.length);
  await data.write(async (tx) => {
    const inTx = txAccess(tx, ctx.store, req.env);
    const creates = ordered.filter((e) => e.req.interaction === 'create');
    for (const e of ordered.filter((x) => x.req.method === 'DELETE')) results[e.index] = await run(ctx, e, inTx);
    const presetIds = await assignIds(ctx, tx, creates, results);
    for (const e of list) rewriteReferences(e.req.body, presetIds.mapping);
    for (const e of creates) {
      const id = presetIds.ids.get(e.index);
      if (id !== undefined) results[e.index] = await guarded(e, async () => responseEntry(await createIn(ctx, tx, withoutIfNoneExist(e.req), e.req.body as Record<string, unknown>, id)));
    }
    for (const e of ordered) if (results[e.index] === undefined) results[e.index] = await run(ctx, e, inTx);
  });
  return { status: 200, body: responseBundle('transaction-response', results, randomUUID()) };
}

/**
 * Decides the id of every create before anything refers to it: an existing match for a
 * conditional create (its response is final), else a fresh UUID.
 */
async function assignIds(ctx: ApiContext, tx: StoreTx, creates: EntryRequest[], results: string[]) {
  const mapping = new Map<string, string>();
  const ids = new Map<number, string>();
  for (const e of creates) {
    await guarded(e, async () => {
      requireWrite(ctx, e.req);
      validateResourceBody(ctx, e.req.body, e.req.type!);
      const existing = await ifNoneExistMatch(ctx, tx, e.req);
      const target = existing ? existing.id : randomUUID();
      if (existing) results[e.index] = responseEntry(writeResponse(e.req.baseUrl, existing, 200, preferences(e.req.headers).return, `${existing.type}/${existing.id} already exists`));
      else ids.set(e.index, target);
      if (isPlaceholder(e.fullUrl)) mapping.set(e.fullUrl, `${e.req.type}/${target}`);
    });
  }
  return { mapping, ids };
}

async function run(ctx: ApiContext, e: EntryRequest, data: DataAccess): Promise<string> {
  return guarded(e, async () => responseEntry(await dispatch(ctx, e.req, data)));
}

async function guarded<T>(e: EntryRequest, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw atEntry(error, e.index);
  }
}

function withoutIfNoneExist(req: FhirRequest): FhirRequest {
  const { 'if-none-exist': _drop, ...headers } = req.headers;
  void _drop;
  return fhirRequest(req, { ...req, headers });
}

/** Two entries writing the same resource make the outcome order-dependent: the spec makes it an error. */
function checkDistinctTargets(list: EntryRequest[]): void {
  const seen = new Map<string, number>();
  for (const e of list) {
    if (e.req.method !== 'PUT' && e.req.method !== 'DELETE') continue;
    if (e.req.id === undefined) continue;
    const key = `${e.req.type}/${e.req.id}`;
    const prior = seen.get(key);
    if (prior !== undefined) throw badRequest(`Bundle.entry[${prior}] and Bundle.entry[${e.index}] both write ${key}`, 'invalid', `Bundle.entry[${e.index}]`);
    seen.set(key, e.index);
  }
  const fullUrls = new Set<string>();
  for (const e of list) {
    if (!isPlaceholder(e.fullUrl)) continue;
    if (fullUrls.has(e.fullUrl)) throw badRequest(`Bundle.entry[${e.index}]: fullUrl ${e.fullUrl} is used twice`, 'invalid', `Bundle.entry[${e.index}].fullUrl`);
    fullUrls.add(e.fullUrl);
  }
}
