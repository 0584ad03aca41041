import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { preferences } from './prefer.js';
import { etag, httpDate, noneMatchHits, notModifiedSince, parseIfMatch } from './versioning.js';

describe('versioning headers', () => {
  it('formats weak ETags and HTTP dates', () => {
    assert.equal(etag(3), 'W/"3"');
    assert.equal(httpDate('2024-03-01T12:30:45.123Z'), 'Fri, 01 Mar 2024 12:30:45 GMT');
  });

  it('formats HTTP dates exactly as Date#toUTCString does, before 1970 and with offsets too', () => {
    for (let ms = -2e12; ms < 4e12; ms += 7_777_777_777) {
      const iso = new Date(ms).toISOString();
      assert.equal(httpDate(iso), new Date(ms).toUTCString(), iso);
      assert.equal(httpDate(iso.replace(/\.\d+Z$/, 'Z')), new Date(Math.floor(ms / 1000) * 1000).toUTCString(), iso);
    }
    assert.equal(httpDate('2024-03-01T02:30:45+10:00'), 'Thu, 29 Feb 2024 16:30:45 GMT');
  });

  it('parses If-Match, rejecting what is not a version ETag', () => {
    assert.equal(parseIfMatch('W/"12"'), 12);
    assert.equal(parseIfMatch('"4"'), 4);
    assert.throws(() => parseIfMatch('12'), (e: unknown) => e instanceof FhirError && e.status === 400);
    assert.throws(() => parseIfMatch('W/"abc"'), FhirError);
  });

  it('matches If-None-Match lists and *', () => {
    assert.equal(noneMatchHits('W/"1", W/"2"', 2), true);
    assert.equal(noneMatchHits('W/"1"', 2), false);
    assert.equal(noneMatchHits('*', 9), true);
  });

  it('compares If-Modified-Since at second precision and ignores invalid dates', () => {
    const updated = '2024-03-01T12:30:45.900Z';
    assert.equal(notModifiedSince('Fri, 01 Mar 2024 12:30:45 GMT', updated), true);
    assert.equal(notModifiedSince('Fri, 01 Mar 2024 12:30:44 GMT', updated), false);
    assert.equal(notModifiedSince('not a date', updated), false);
  });
});

describe('Prefer', () => {
  it('reads return and handling, defaulting to representation and strict', () => {
    assert.deepEqual(preferences({}), { return: 'representation', lenient: false });
    assert.deepEqual(preferences({ prefer: 'return=minimal' }), { return: 'minimal', lenient: false });
    assert.deepEqual(preferences({ prefer: 'handling=lenient, return=OperationOutcome' }), { return: 'OperationOutcome', lenient: true });
    assert.deepEqual(preferences({ prefer: 'return=bogus' }), { return: 'representation', lenient: false });
  });
});
