import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANCHOR_TOWNS, COUNTIES, HOSPITAL_SITES, ISLANDS, TOWNS, type IslandKey } from './hawaii-places.js';

// Rough bounding boxes of the islands: [south, north, west, east].
const BOX: Record<IslandKey, [number, number, number, number]> = {
  hawaii: [18.9, 20.3, -156.1, -154.8],
  maui: [20.57, 21.03, -156.7, -155.97],
  oahu: [21.25, 21.72, -158.3, -157.64],
  kauai: [21.86, 22.24, -159.8, -159.28],
  molokai: [21.05, 21.22, -157.32, -156.7],
  lanai: [20.72, 20.93, -157.07, -156.8],
};

describe('Hawaii places', () => {
  it('every town has a Hawaii ZIP, a county, and a centre on its island', () => {
    for (const town of TOWNS) {
      assert.match(town.zip, /^96[78]\d\d$/, town.key);
      assert.ok(COUNTIES.some((c) => c.key === town.county), town.key);
      const [s, n, w, e] = BOX[town.island];
      assert.ok(town.latitude > s && town.latitude < n && town.longitude > w && town.longitude < e, `${town.key} is off ${town.island}`);
      assert.ok(town.streets.length > 0 && town.exchanges.every((x) => /^\d{3}$/.test(x)), town.key);
    }
    assert.equal(new Set(TOWNS.map((t) => t.key)).size, TOWNS.length);
  });

  it('islands sit in the right counties, and every island with towns has a hospital', () => {
    assert.deepEqual(ISLANDS.map((i) => i.key).sort(), ['hawaii', 'kauai', 'lanai', 'maui', 'molokai', 'oahu']);
    for (const town of TOWNS) {
      const island = ISLANDS.find((i) => i.key === town.island)!;
      if (island.county !== undefined) assert.equal(town.county, island.county, town.key);
    }
    for (const island of new Set(TOWNS.map((t) => t.island))) {
      assert.ok(HOSPITAL_SITES.some((h) => h.town.island === island), island);
    }
  });

  it('anchors cover every island', () => {
    assert.deepEqual(new Set(ANCHOR_TOWNS.map((t) => t.island)), new Set(ISLANDS.map((i) => i.key)));
  });
});
