/**
 * The history Bundle: one entry per version with how it came to be (request) and its
 * outcome (response); deletions carry no resource. https://hl7.org/fhir/R4/http.html#history
 */
import type { HistoryPage } from '@payerport/store';
import type { QueryPairs } from '../model/fhir-request.js';
import { etag } from '../http/versioning.js';
import { bundleHead, entryStart } from './search-bundle.js';
import { linksJson } from './paging-links.js';

const REQUEST = {
  create: { method: 'POST', status: '201 Created' },
  update: { method: 'PUT', status: '200 OK' },
  delete: { method: 'DELETE', status: '204 No Content' },
} as const;

export function historyBundle(baseUrl: string, path: string, params: QueryPairs, page: HistoryPage, view?: (json: string) => string): string {
  let out = bundleHead('history', page.total, linksJson(baseUrl, path, params, { next: page.nextCursor }));
  const parts: string[] = [];
  for (const e of page.entries) {
    const how = REQUEST[e.method];
    const request = '"request":{"method":"' + how.method + '","url":' + JSON.stringify(e.method === 'create' ? e.type : `${e.type}/${e.id}`) + '}';
    const response = '"response":{"status":"' + how.status + '","etag":' + JSON.stringify(etag(e.versionId)) + ',"lastModified":"' + e.lastUpdated + '"}';
    const head = e.deleted || e.method === 'delete'
      ? '{"fullUrl":' + JSON.stringify(`${baseUrl}/${e.type}/${e.id}`)
      : entryStart(baseUrl, e, view ? view(e.json) : e.json);
    parts.push(head + ',' + request + ',' + response + '}');
  }
  if (parts.length > 0) out += ',"entry":[' + parts.join(',') + ']';
  return out + '}';
}
