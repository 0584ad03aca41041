import assert from 'node:assert/strict';
import { it } from 'node:test';
import { chunkSizes, forEachChunk, valueTuples } from './batches.js';

it('splits rows into full chunks and a power-of-two remainder', () => {
  assert.deepEqual(chunkSizes(0, 64), []);
  assert.deepEqual(chunkSizes(1, 64), [1]);
  assert.deepEqual(chunkSizes(64, 64), [64]);
  assert.deepEqual(chunkSizes(100, 64), [64, 32, 4]);
  assert.deepEqual(chunkSizes(200, 64), [64, 64, 64, 8]);
  for (let n = 0; n < 300; n++) assert.equal(chunkSizes(n, 64).reduce((a, b) => a + b, 0), n);
});

it('builds value tuples and visits every item once, in order', async () => {
  assert.equal(valueTuples(2, 3), '(?, ?, ?), (?, ?, ?)');
  const seen: number[][] = [];
  await forEachChunk([1, 2, 3, 4, 5], 2, async (chunk) => { seen.push(chunk); });
  assert.deepEqual(seen, [[1, 2], [3, 4], [5]]);
});
