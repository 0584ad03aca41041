/** scrypt hashes: self-describing, salted, verified in constant time, upgradable. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';

const CHEAP = { ln: 6, r: 8, p: 1 };

describe('password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse', CHEAP);
    const b = await hashPassword('correct horse', CHEAP);
    assert.match(a, /^\$scrypt\$ln=6,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('correct horse', a), true);
    assert.equal(await verifyPassword('correct horse', b), true);
    assert.equal(await verifyPassword('Correct horse', a), false);
    assert.equal(await verifyPassword('', a), false);
  });

  it('treats canonically equivalent Unicode as the same password (NFKC)', async () => {
    const hash = await hashPassword('caf\u00e9-pass', CHEAP);
    assert.equal(await verifyPassword('cafe\u0301-pass', hash), true);
  });

  it('refuses malformed or out-of-range stored hashes instead of trusting them', async () => {
    const hash = await hashPassword('pw', CHEAP);
    assert.equal(await verifyPassword('pw', hash.replace('ln=6', 'ln=40')), false);
    assert.equal(await verifyPassword('pw', hash.slice(0, -2)), false);
    assert.equal(await verifyPassword('pw', 'plain-text'), false);
    await assert.rejects(hashPassword('pw', { ln: 0, r: 8, p: 1 }), RangeError);
  });

  it('says when a hash was made with other parameters', async () => {
    const hash = await hashPassword('pw', CHEAP);
    assert.equal(needsRehash(hash, CHEAP), false);
    assert.equal(needsRehash(hash, { ...CHEAP, ln: 7 }), true);
    assert.equal(needsRehash('garbage', CHEAP), true);
  });
});
