import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidNpi, npiCheckDigit, syntheticNpi } from './npi.js';

describe('NPI check digit (Luhn with the 80840 prefix)', () => {
  it('accepts known valid NPIs', () => {
    // 1234567893 is the worked example of the CMS check-digit document; the others are published NPIs.
    for (const npi of ['1234567893', '1245319599', '1003000126', '1497758544']) assert.ok(isValidNpi(npi), npi);
    assert.equal(npiCheckDigit('123456789'), 3);
  });

  it('rejects a wrong check digit, a transposition, a bad first digit and a bad length', () => {
    for (const npi of ['1234567890', '1234567839', '2134567893', '9234567893', '123456789', '12345678931', '12345678a3']) {
      assert.ok(!isValidNpi(npi), npi);
    }
  });

  it('refuses a base that is not nine digits', () => {
    assert.throws(() => npiCheckDigit('12345678'), /nine digits/);
  });

  it('makes valid, distinct NPIs for distinct ordinals', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const npi = syntheticNpi(i, 808);
      assert.ok(isValidNpi(npi), npi);
      seen.add(npi);
    }
    assert.equal(seen.size, 50_000);
    assert.ok(isValidNpi(syntheticNpi(199_999_999, 2 ** 31 + 5)));
    assert.notEqual(syntheticNpi(7, 1), syntheticNpi(7, 2));
  });
});
