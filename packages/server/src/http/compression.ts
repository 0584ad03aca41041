/**
 * gzip for responses of 1 KiB or more when the client accepts it (RFC 9110 §12.5.3). Only
 * requests that send `Accept-Encoding: gzip` pay anything; small bodies are compressed
 * synchronously (cheaper than a stream), large ones on the thread pool.
 */
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';

export const COMPRESS_THRESHOLD = 1024;
const SYNC_LIMIT = 64 * 1024;
const gzipAsync = promisify(gzip);

/** True when `Accept-Encoding` accepts gzip (explicitly or by `*`), honouring `q=0`. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined || !/gzip|\*/.test(acceptEncoding)) return false;
  for (const part of acceptEncoding.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** The gzip encoding of `text`. */
export async function gzipText(text: string): Promise<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= SYNC_LIMIT ? gzipSync(bytes) : gzipAsync(bytes);
}
