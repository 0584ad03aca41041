import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelHash, pickWeighted, rngFor, weighted } from './prng.js';

describe('seeded streams', () => {
  const draws = (seed: number, kind: string, index: number) => {
    const rng = rngFor(seed, labelHash(kind), index);
    return Array.from({ length: 5 }, () => rng.next());
  };

  it('repeat for the same (seed, kind, index) and differ otherwise', () => {
    assert.deepEqual(draws(1, 'clinic', 3), draws(1, 'clinic', 3));
    assert.notDeepEqual(draws(1, 'clinic', 3), draws(2, 'clinic', 3));
    assert.notDeepEqual(draws(1, 'clinic', 3), draws(1, 'clinic', 4));
    assert.notDeepEqual(draws(1, 'clinic', 3), draws(1, 'hospital', 3));
  });

  it('stay in range', () => {
    const rng = rngFor(9, labelHash('x'), 0);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      assert.ok(x >= 0 && x < 1);
      const n = rng.int(7);
      assert.ok(Number.isInteger(n) && n >= 0 && n < 7);
    }
  });

  it('pick by weight', () => {
    const table = weighted(['a', 'b', 'c'], (x) => ({ a: 1, b: 0, c: 3 })[x] ?? 0);
    const rng = rngFor(1, labelHash('w'), 0);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[pickWeighted(rng, table)]! += 1;
    assert.equal(counts.b, 0);
    assert.ok(Math.abs(counts.c! / counts.a! - 3) < 0.3, JSON.stringify(counts));
  });
});
