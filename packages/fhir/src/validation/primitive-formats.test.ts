import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRIMITIVE_TYPES, primitiveProblem } from './primitive-formats.js';

describe('primitiveProblem', () => {
  const valid: [string, unknown][] = [
    ['date', '2024'], ['date', '2024-02'], ['date', '2024-02-29'],
    ['dateTime', '2024-02-29T13:05:00Z'], ['dateTime', '2024-02-29T13:05:00.123+10:00'], ['dateTime', '2024'],
    ['instant', '2020-07-07T13:26:22.0314215+00:00'], ['time', '08:30:00'],
    ['id', 'abc-1.2'], ['code', 'a b'], ['uri', 'urn:x'], ['oid', 'urn:oid:2.16.840.1'],
    ['uuid', 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520'], ['boolean', false], ['integer', -3], ['unsignedInt', 0],
    ['positiveInt', 1], ['decimal', 1.5], ['string', ' x '], ['base64Binary', 'AQID'],
  ];
  for (const [type, value] of valid) {
    it(`accepts ${type} ${JSON.stringify(value)}`, () => assert.equal(primitiveProblem(type, value), undefined));
  }

  const invalid: [string, unknown, RegExp][] = [
    ['date', '2024-13-01', /not a date/], ['date', '2024-02-29T10:00:00Z', /not a date/], ['date', 20240229, /JSON string/],
    ['dateTime', '2024-02-29T13:05', /not a dateTime/], ['dateTime', '2024-02-29T13:05:00', /not a dateTime/],
    ['instant', '2024-02-29', /not an instant/], ['time', '25:00:00', /not a time/],
    ['id', 'has space', /not an id/], ['id', 'x'.repeat(65), /not an id/], ['code', ' lead', /not a code/], ['code', 'a  b', /not a code/],
    ['uri', 'has space', /not a URI/], ['uri', '', /not a URI/], ['string', '', /non-empty/], ['boolean', 'true', /JSON boolean/],
    ['integer', 1.5, /JSON integer/], ['integer', '1', /JSON integer/], ['integer', 2 ** 31, /outside/], ['positiveInt', 0, /outside/],
    ['unsignedInt', -1, /outside/], ['decimal', '1.5', /JSON number/], ['uuid', 'urn:uuid:C757873D-EC9A-4326-A141-556F43239520', /not a UUID/],
    ['base64Binary', 'EQH/..AgME', /not base64/],
  ];
  for (const [type, value, message] of invalid) {
    it(`rejects ${type} ${JSON.stringify(value).slice(0, 30)}`, () => assert.match(primitiveProblem(type, value) ?? '', message));
  }

  it('knows the 19 R4 primitive types and xhtml, and nothing complex', () => {
    assert.equal(PRIMITIVE_TYPES.size, 20);
    for (const complex of ['CodeableConcept', 'Reference', 'Extension']) assert.equal(PRIMITIVE_TYPES.has(complex), false);
  });
});
