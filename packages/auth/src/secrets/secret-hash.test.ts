import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSecret, newClientSecret, verifySecret } from './secret-hash.js';

describe('client secret hashing', () => {
  it('verifies the secret and nothing else', async () => {
    const secret = newClientSecret();
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    const hash = await hashSecret(secret);
    assert.match(hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/);
    assert.ok(!hash.includes(secret));
    assert.equal(await verifySecret(secret, hash), true);
    assert.equal(await verifySecret(secret + 'x', hash), false);
    assert.equal(await verifySecret('', hash), false);
    assert.equal(await verifySecret(undefined, hash), false);
    assert.notEqual(await hashSecret(secret), hash, 'salted');
  });

  it('refuses malformed or hostile hashes without throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$a$b', 'scrypt$99999999$8$1$YQ$YQ', 'bcrypt$16384$8$1$YQ$YQ', 'scrypt$16384$8$1$YQ$short']) {
      assert.equal(await verifySecret('s', bad), false, bad);
    }
  });
});
