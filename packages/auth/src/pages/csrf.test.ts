/** CSRF tokens verify only for the session they were issued to, untampered and unexpired. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCsrf } from './csrf.js';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';

describe('csrf', () => {
  it('verifies a token for its own session only', () => {
    const csrf = createCsrf(SECRET);
    const token = csrf.issue('interaction-1');
    assert.equal(csrf.verify('interaction-1', token), true);
    assert.equal(csrf.verify('interaction-2', token), false);
    assert.notEqual(csrf.issue('interaction-1'), token, 'a fresh nonce each time');
  });

  it('rejects tampered tokens, tokens signed with another secret, and non-tokens', () => {
    const csrf = createCsrf(SECRET);
    const token = csrf.issue('s');
    const [issued, nonce, mac] = token.split('.') as [string, string, string];
    const flip = (s: string): string => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [`${flip(issued)}.${nonce}.${mac}`, `${issued}.${flip(nonce)}.${mac}`, `${issued}.${nonce}.${flip(mac)}`,
      `${issued}.${nonce}.${mac.slice(0, -1)}`, `${token}x`, '', 'a.b.c', undefined, 42, [token]]) {
      assert.equal(csrf.verify('s', bad), false, String(bad));
    }
    assert.equal(createCsrf(`${SECRET}-other`).verify('s', token), false);
    assert.equal(csrf.verify('', csrf.issue('')), false, 'an empty binding never verifies');
  });

  it('rejects expired tokens and tokens from the future', () => {
    let now = 1_000_000_000_000;
    const csrf = createCsrf(SECRET, { maxAgeMs: 60_000, clock: () => now });
    const token = csrf.issue('s');
    now += 59_000;
    assert.equal(csrf.verify('s', token), true);
    now += 2_000;
    assert.equal(csrf.verify('s', token), false);
    now = 1_000_000_000_000 - 10 * 60_000;
    assert.equal(csrf.verify('s', token), false);
  });

  it('refuses a short secret', () => {
    assert.throws(() => createCsrf('too short'), RangeError);
    assert.doesNotThrow(() => createCsrf(new Uint8Array(32)));
  });
});
