/**
 * Turns a batch/transaction Bundle entry into a FhirRequest, so entries run through the same
 * handlers as HTTP requests. https://hl7.org/fhir/R4/http.html#transaction
 */
import { FhirError, badRequest } from '@payerport/fhir';
import { parseRoute } from '../model/parse-route.js';
import { fhirRequest, header, type FhirRequest, type RequestHeaders } from '../model/fhir-request.js';

export interface EntryRequest {
  readonly index: number;
  readonly fullUrl: string | undefined;
  readonly req: FhirRequest;
}

// Bundle.entry.request elements that are HTTP headers of the entry's request.
const ENTRY_HEADERS = [['ifMatch', 'if-match'], ['ifNoneMatch', 'if-none-match'], ['ifModifiedSince', 'if-modified-since'], ['ifNoneExist', 'if-none-exist']] as const;

/** The Bundle's entries as requests; 400 naming `Bundle.entry[i]` for a malformed one. */
export function entryRequests(outer: FhirRequest, entries: unknown[]): EntryRequest[] {
  return entries.map((entry, index) => entryRequestAt(outer, entry, index));
}

/** Entry `index` as a request; 400 naming `Bundle.entry[index]` when it is malformed. */
export function entryRequestAt(outer: FhirRequest, entry: unknown, index: number): EntryRequest {
  try {
    return { index, ...entryRequest(outer, entry) };
  } catch (error) {
    throw atEntry(error, index);
  }
}

function entryRequest(outer: FhirRequest, entry: unknown): Omit<EntryRequest, 'index'> {
  if (!isObject(entry)) throw badRequest('A Bundle entry must be an object', 'structure');
  const request = entry.request;
  if (!isObject(request)) throw badRequest('entry.request is required in a batch or transaction', 'required', 'request');
  const method = request.method;
  const url = request.url;
  if (typeof method !== 'string' || !/^(GET|HEAD|POST|PUT|DELETE|PATCH)$/.test(method)) throw badRequest(`entry.request.method ${String(method)} is not an HTTP method FHIR uses`, 'value', 'request.method');
  if (typeof url !== 'string' || url === '') throw badRequest('entry.request.url is required', 'required', 'request.url');
  const [path, qs] = splitUrl(outer.baseUrl, url);
  const route = parseRoute(method, path);
  if (route.interaction === 'batch-or-transaction') throw badRequest('Bundles cannot be nested in a batch or transaction', 'not-supported', 'request.url');
  const headers: Record<string, string> = {};
  for (const name of ['prefer', 'authorization']) {
    const v = header(outer.headers, name);
    if (v !== undefined) headers[name] = v;
  }
  for (const [element, name] of ENTRY_HEADERS) {
    const v = request[element];
    if (typeof v === 'string') headers[name] = v;
  }
  const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
  const req: FhirRequest = fhirRequest(route, {
    method,
    query: qs === undefined ? [] : [...new URLSearchParams(qs)],
    headers: headers as RequestHeaders,
    body: entry.resource,
    env: outer.env,
    baseUrl: outer.baseUrl,
    isAdmin: outer.isAdmin,
    access: outer.access,
  });
  return { fullUrl, req };
}

/** Relative path and query string of an entry URL; absolute URLs must be under our base. */
function splitUrl(baseUrl: string, url: string): [string, string | undefined] {
  let rel = url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (!url.startsWith(baseUrl + '/') && url !== baseUrl) throw badRequest(`entry.request.url ${url} is not on this server`, 'value', 'request.url');
    rel = url.slice(baseUrl.length);
  }
  rel = rel.replace(/^\/+/, '');
  const q = rel.indexOf('?');
  return q < 0 ? [rel, undefined] : [rel.slice(0, q), rel.slice(q + 1)];
}

/** Re-issues an entry's error with `Bundle.entry[i]` in front, keeping its status. */
export function atEntry(error: unknown, index: number): unknown {
  if (!(error instanceof FhirError)) return error;
  const issues = error.outcome.issue.map((i) => ({
    ...i,
    diagnostics: `Bundle.entry[${index}]: ${i.diagnostics ?? i.code}`,
    expression: (i.expression ?? ['']).map((e) => (e === '' ? `Bundle.entry[${index}]` : `Bundle.entry[${index}].${e}`)),
  }));
  return new FhirError(error.status, issues, { ...error.headers });
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
