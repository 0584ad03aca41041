import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CanonicalIndex } from './canonical-index.js';

const entry = (url: string, version: string | undefined, tag: string) => ({ url, version, load: () => ({ tag }) });

describe('CanonicalIndex', () => {
  it('resolves url|version exactly and a bare url to the highest version', () => {
    const index = new CanonicalIndex();
    index.add(entry('http://x/p', '3.1.1', 'old'));
    index.add(entry('http://x/p', '10.0.0', 'newest'));
    index.add(entry('http://x/p', '6.1.0', 'new'));
    assert.equal(index.resolve('http://x/p')?.tag, 'newest');
    assert.equal(index.resolve('http://x/p|3.1.1')?.tag, 'old');
    assert.equal(index.resolve('http://x/p|1.0.0'), undefined);
  });

  it('keeps the first entry for a url|version (core before IGs)', () => {
    const index = new CanonicalIndex();
    index.add(entry('http://x/p', '1.0.0', 'first'));
    index.add(entry('http://x/p', '1.0.0', 'second'));
    assert.equal(index.resolve('http://x/p|1.0.0')?.tag, 'first');
  });

  it('reads fallbacks once, on the first miss only', () => {
    const index = new CanonicalIndex();
    let reads = 0;
    index.add(entry('http://x/known', undefined, 'known'));
    index.addFallback(() => {
      reads++;
      return [entry('http://x/base', '4.0.1', 'base')];
    });
    assert.equal(index.resolve('http://x/known')?.tag, 'known');
    assert.equal(reads, 0);
    assert.equal(index.resolve('http://x/base')?.tag, 'base');
    assert.equal(index.resolve('http://x/missing'), undefined);
    assert.equal(reads, 1);
  });
});
