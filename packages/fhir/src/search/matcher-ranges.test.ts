import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rangeMatches } from './matcher-ranges.js';
import type { Prefix } from './query.js';

// A resource value covering [10, 20), against search ranges placed at each boundary.
const value = { low: 10, high: 20 };
const check = (prefix: Prefix, low: number, high: number) => rangeMatches(prefix, value, { low, high });

describe('prefix predicates at their boundaries (https://hl7.org/fhir/R4/search.html#prefix)', () => {
  it('eq: the search range fully contains the value range', () => {
    assert.equal(check('eq', 10, 20), true);
    assert.equal(check('eq', 5, 25), true);
    assert.equal(check('eq', 10.001, 20), false);
    assert.equal(check('eq', 10, 19.999), false);
  });
  it('ne: the search range does not fully contain the value range', () => {
    assert.equal(check('ne', 10, 20), false);
    assert.equal(check('ne', 10, 19.999), true);
    assert.equal(check('ne', 30, 40), true);
  });
  it('gt: the value range extends above the search range', () => {
    assert.equal(check('gt', 5, 20), false);
    assert.equal(check('gt', 5, 19.999), true);
    assert.equal(check('gt', 25, 30), false);
  });
  it('lt: the value range extends below the search range', () => {
    assert.equal(check('lt', 10, 30), false);
    assert.equal(check('lt', 10.001, 30), true);
    assert.equal(check('lt', 0, 5), false);
  });
  it('ge: gt or eq', () => {
    assert.equal(check('ge', 10, 20), true, 'eq');
    assert.equal(check('ge', 12, 15), true, 'gt');
    assert.equal(check('ge', 20, 30), false);
    assert.equal(check('ge', 10.001, 20), false, 'neither above nor contained');
  });
  it('le: lt or eq', () => {
    assert.equal(check('le', 10, 20), true, 'eq');
    assert.equal(check('le', 12, 15), true, 'lt');
    assert.equal(check('le', 0, 10), false);
    assert.equal(check('le', 10, 19.999), false, 'neither below nor contained');
  });
  it('sa: the value starts at or after the end of the search range', () => {
    assert.equal(check('sa', 0, 10), true);
    assert.equal(check('sa', 0, 10.001), false);
  });
  it('eb: the value ends at or before the start of the search range', () => {
    assert.equal(check('eb', 20, 30), true);
    assert.equal(check('eb', 19.999, 30), false);
  });
  it('ap: the (already widened) search range overlaps the value range', () => {
    assert.equal(check('ap', 20, 30), false, 'touching is not overlapping');
    assert.equal(check('ap', 19.999, 30), true);
    assert.equal(check('ap', 0, 10), false);
    assert.equal(check('ap', 0, 10.001), true);
  });
});
