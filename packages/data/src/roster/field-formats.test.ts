import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { npiCheckDigit } from '../directory/npi.js';
import { checkDate, checkInstant, checkLanguage, checkNpi, checkPhone, checkState, checkTaxonomy, checkYesNo, checkZip, type Checked } from './field-formats.js';

const value = <T>(c: Checked<T>): T => {
  if ('error' in c) assert.fail(c.error);
  return c.value;
};
const error = (c: Checked<unknown>): string => ('error' in c ? c.error : assert.fail(`accepted: ${JSON.stringify(c.value)}`));

describe('roster field checks', () => {
  it('NPI: 10 digits, Luhn check digit over the 80840 prefix', () => {
    // The CMS worked example: 123456789 → check digit 3.
    assert.equal(npiCheckDigit('123456789'), 3);
    assert.equal(value(checkNpi('1234567893')), '1234567893');
    assert.match(error(checkNpi('1234567890')), /wrong check digit \(expected 3\)/);
    assert.match(error(checkNpi('123456789')), /not 10 digits/);
    assert.match(error(checkNpi('3234567893')), /start with 1 or 2/);
  });

  it('NUCC taxonomy code shape', () => {
    assert.equal(value(checkTaxonomy('207r00000x')), '207R00000X');
    assert.equal(value(checkTaxonomy('101YA0400X')), '101YA0400X');
    assert.match(error(checkTaxonomy('207R0000X')), /NUCC taxonomy/);
  });

  it('state, ZIP, phone', () => {
    assert.equal(value(checkState('ct')), 'CT');
    assert.match(error(checkState('XX')), /state/);
    assert.equal(value(checkZip('061031234')), '06103-1234');
    assert.equal(value(checkZip('06103')), '06103');
    assert.match(error(checkZip('6103')), /leading zeros/);
    assert.equal(value(checkPhone('(860) 555-0142')), '860-555-0142');
    assert.equal(value(checkPhone('+1 860.555.0142 x12')), '860-555-0142 ext. 12');
    assert.match(error(checkPhone('555-0142')), /10-digit/);
    assert.match(error(checkPhone('160-555-0142')), /start with 2-9/);
  });

  it('dates, instants, yes/no, language tags', () => {
    assert.equal(value(checkDate('2025-02-28')), '2025-02-28');
    assert.equal(value(checkDate('2/3/2025')), '2025-02-03');
    assert.match(error(checkDate('2025-02-30')), /does not exist/);
    assert.match(error(checkDate('28.02.2025')), /YYYY-MM-DD/);
    assert.equal(value(checkInstant('2025-02-28')), '2025-02-28T00:00:00.000Z');
    assert.equal(value(checkInstant('2025-02-28T10:00:00-05:00')), '2025-02-28T15:00:00.000Z');
    assert.match(error(checkInstant('2025-02-28T10:00:00')), /time zone/);
    assert.equal(value(checkYesNo('Y')), true);
    assert.equal(value(checkYesNo('no')), false);
    assert.match(error(checkYesNo('maybe')), /yes or no/);
    assert.equal(value(checkLanguage('zh-hant-tw')), 'zh-Hant-TW');
    assert.equal(value(checkLanguage('ES')), 'es');
    assert.match(error(checkLanguage('Spanish')), /BCP-47/);
  });
});
