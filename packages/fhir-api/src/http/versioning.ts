/**
 * ETag / Last-Modified / conditional request headers for versioned resources.
 * https://hl7.org/fhir/R4/http.html#versioning and RFC 9110 §13.
 */
import { badRequest } from '@payerport/fhir';

/** Weak ETag carrying the version id — https://hl7.org/fhir/R4/http.html#versioning */
export function etag(versionId: number | string): string {
  return `W/"${versionId}"`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UTC_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/;

/**
 * RFC 9110 §5.6.7 IMF-fixdate of a FHIR instant. The store writes UTC instants (`…Z`), which
 * are formatted from their fields: `Date#toUTCString` costs a microsecond on every read.
 */
export function httpDate(instant: string): string {
  const m = UTC_INSTANT.exec(instant);
  if (m === null) return new Date(instant).toUTCString();
  const [, y, mo, d, time] = m as unknown as [string, string, string, string, string];
  const day = Math.floor(Date.UTC(Number(y), Number(mo) - 1, Number(d)) / 86_400_000);
  return `${DAYS[(((day + 4) % 7) + 7) % 7]}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${time} GMT`;
}

/** Version number of an `If-Match` value (`W/"3"` or `"3"`); 400 when it is not one. */
export function parseIfMatch(value: string): number {
  const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(value);
  if (!m) throw badRequest(`If-Match must be a version ETag such as W/"1", got ${value}`, 'invalid', 'If-Match');
  return Number(m[1]);
}

/** True when an `If-None-Match` value (`*`, or a list of ETags) matches this version. */
export function noneMatchHits(value: string, versionId: number): boolean {
  for (const part of value.split(',')) {
    const t = part.trim();
    if (t === '*') return true;
    const m = /^(?:W\/)?"([^"]*)"$/.exec(t);
    if (m && m[1] === String(versionId)) return true;
  }
  return false;
}

/** True when the resource has not changed since the `If-Modified-Since` date (second precision). */
export function notModifiedSince(value: string, lastUpdated: string): boolean {
  const since = Date.parse(value);
  if (Number.isNaN(since)) return false; // RFC 9110: an invalid date is ignored
  return Math.floor(Date.parse(lastUpdated) / 1000) <= Math.floor(since / 1000);
}
