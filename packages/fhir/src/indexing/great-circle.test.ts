import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { greatCircleKm } from './great-circle.js';

describe('greatCircleKm', () => {
  it('is zero for the same point', () => {
    assert.equal(greatCircleKm(41.7, -72.7, 41.7, -72.7), 0);
  });
  it('gives one degree of latitude as ~111.2 km', () => {
    assert.ok(Math.abs(greatCircleKm(0, 0, 1, 0) - 111.195) < 0.01);
  });
  it('measures Hartford to New York City as ~161.6 km', () => {
    // 41.7658 N 72.6734 W to 40.7128 N 74.0060 W; equirectangular estimate: 1.4535° × 111.195 km.
    const d = greatCircleKm(41.7658, -72.6734, 40.7128, -74.006);
    assert.ok(Math.abs(d - 161.6) < 0.5, String(d));
  });
  it('goes the short way across the antimeridian', () => {
    assert.ok(greatCircleKm(0, 179.5, 0, -179.5) < 112);
  });
});
