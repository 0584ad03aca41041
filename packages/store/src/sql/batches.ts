/**
 * Helpers for multi-row statements whose SQL text stays in a small, fixed set, so that the
 * statement caches of both executors stay small however many rows a batch has.
 */

/**
 * Splits `n` rows into chunk sizes drawn from {max, and powers of two below it}: 100 with
 * max 64 → [64, 32, 4]. A table therefore has at most log2(max) + 1 distinct INSERT texts.
 */
export function chunkSizes(n: number, max: number): number[] {
  const sizes: number[] = [];
  let left = n;
  while (left >= max) { sizes.push(max); left -= max; }
  for (let size = max >> 1; size >= 1; size >>= 1) {
    if (left >= size) { sizes.push(size); left -= size; }
  }
  return sizes;
}

const tupleCache = new Map<string, string>();

/** `(?, ?, ?), (?, ?, ?)` — `rows` tuples of `width` placeholders. */
export function valueTuples(rows: number, width: number): string {
  const key = `${rows}x${width}`;
  let text = tupleCache.get(key);
  if (text === undefined) {
    const tuple = `(${new Array<string>(width).fill('?').join(', ')})`;
    text = new Array<string>(rows).fill(tuple).join(', ');
    tupleCache.set(key, text);
  }
  return text;
}

/** `?, ?, ?` — for `IN (...)` lists. */
export function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(', ');
}

/** Calls `fn` once per chunk of `items` (sizes from `chunkSizes`), in order. */
export async function forEachChunk<T>(items: readonly T[], max: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  let start = 0;
  for (const size of chunkSizes(items.length, max)) {
    await fn(items.slice(start, start + size));
    start += size;
  }
}
