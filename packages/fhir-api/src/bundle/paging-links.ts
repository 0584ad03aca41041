/**
 * Absolute `Bundle.link` URLs for searchsets and history pages: the base, the path, the
 * original parameters minus `_cursor`, plus the store's opaque cursor for the target page.
 * https://hl7.org/fhir/R4/http.html#paging
 */
import type { QueryPairs } from '../model/fhir-request.js';

/** The paging parameter we issue; its value is the store's cursor, opaque to clients. */
export const CURSOR_PARAM = '_cursor';

// Keep `: , | / $` readable in links: all are legal in a query component (RFC 3986 §3.4).
const READABLE = /%(3A|2C|7C|2F|24)/g;

function encode(s: string): string {
  return encodeURIComponent(s).replace(READABLE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `base/path?params` with the params encoded; `cursor` replaces any `_cursor` given. */
export function pageUrl(baseUrl: string, path: string, params: QueryPairs, cursor?: string): string {
  let qs = '';
  for (const [k, v] of params) {
    if (k === CURSOR_PARAM && cursor !== undefined) continue;
    qs += (qs === '' ? '' : '&') + encode(k) + '=' + encode(v);
  }
  if (cursor !== undefined) qs += (qs === '' ? '' : '&') + CURSOR_PARAM + '=' + encode(cursor);
  const url = path === '' ? baseUrl : `${baseUrl}/${path}`;
  return qs === '' ? url : `${url}?${qs}`;
}

export interface PageCursors {
  next?: string | undefined;
  previous?: string | undefined;
}

/** JSON text of the `link` array: self, and next/previous when the store gave cursors. */
export function linksJson(baseUrl: string, path: string, params: QueryPairs, cursors: PageCursors): string {
  let out = '[{"relation":"self","url":' + JSON.stringify(pageUrl(baseUrl, path, params)) + '}';
  if (cursors.next !== undefined) out += ',{"relation":"next","url":' + JSON.stringify(pageUrl(baseUrl, path, params, cursors.next)) + '}';
  if (cursors.previous !== undefined) out += ',{"relation":"previous","url":' + JSON.stringify(pageUrl(baseUrl, path, params, cursors.previous)) + '}';
  return out + ']';
}
