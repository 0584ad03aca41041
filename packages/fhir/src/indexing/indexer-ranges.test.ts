import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INSTANT, MIN_INSTANT } from './normalize.js';
import { customDef, indexerFor, rowsFor } from './test-defs.js';

const ms = (iso: string) => Date.parse(iso);
const d = (low: string | number, high: string | number) => ({
  kind: 'date', low: typeof low === 'number' ? low : ms(low), high: typeof high === 'number' ? high : ms(high),
});

describe('date rows (https://hl7.org/fhir/R4/search.html#date)', () => {
  it('date: the whole year, month or day its precision covers', () => {
    assert.deepEqual(rowsFor({ resourceType: 'Patient', birthDate: '1980' }, 'birthdate'), [d('1980-01-01T00:00:00Z', '1981-01-01T00:00:00Z')]);
    assert.deepEqual(rowsFor({ resourceType: 'Patient', birthDate: '1980-02' }, 'birthdate'), [d('1980-02-01T00:00:00Z', '1980-03-01T00:00:00Z')]);
    assert.deepEqual(rowsFor({ resourceType: 'Patient', birthDate: '1980-02-29' }, 'birthdate'), [d('1980-02-29T00:00:00Z', '1980-03-01T00:00:00Z')]);
  });

  it('dateTime with a zone, to the second; instant with milliseconds', () => {
    const obs = { resourceType: 'Observation', effectiveDateTime: '2021-03-04T10:20:30+02:00' };
    assert.deepEqual(rowsFor(obs, 'date'), [d('2021-03-04T08:20:30Z', '2021-03-04T08:20:31Z')]);
    const audit = { resourceType: 'AuditEvent', recorded: '2021-03-04T10:20:30.123Z' };
    assert.deepEqual(rowsFor(audit, 'date'), [d('2021-03-04T10:20:30.123Z', '2021-03-04T10:20:30.124Z')]);
  });

  it('Period: start low to end high; open ends unbounded; empty periods skipped', () => {
    const enc = (period: object) => ({ resourceType: 'Encounter', period });
    assert.deepEqual(rowsFor(enc({ start: '2020-01-01', end: '2020-01-31' }), 'date'), [d('2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z')]);
    assert.deepEqual(rowsFor(enc({ start: '2020-01-01' }), 'date'), [d('2020-01-01T00:00:00Z', MAX_INSTANT)]);
    assert.deepEqual(rowsFor(enc({ end: '2020' }), 'date'), [d(MIN_INSTANT, '2021-01-01T00:00:00Z')]);
    assert.deepEqual(rowsFor(enc({}), 'date'), []);
  });

  it('Timing: the outer limits of its events and bounds', () => {
    const events = { resourceType: 'Observation', effectiveTiming: { event: ['2020-05-03', '2020-05-01T08:00:00Z'] } };
    assert.deepEqual(rowsFor(events, 'date'), [d('2020-05-01T08:00:00Z', '2020-05-04T00:00:00Z')]);
    const bounded = { resourceType: 'Observation', effectiveTiming: { event: ['2020-05-03'], repeat: { boundsPeriod: { start: '2020-04-15', end: '2020-06' } } } };
    assert.deepEqual(rowsFor(bounded, 'date'), [d('2020-04-15T00:00:00Z', '2020-07-01T00:00:00Z')]);
    // Bounds open at the start: the schedule has no lower limit.
    const open = { resourceType: 'Observation', effectiveTiming: { event: ['2020-05-03'], repeat: { boundsPeriod: { end: '2020-06' } } } };
    assert.deepEqual(rowsFor(open, 'date'), [d(MIN_INSTANT, '2020-07-01T00:00:00Z')]);
  });

  it('skips invalid dates instead of failing the write', () => {
    assert.deepEqual(rowsFor({ resourceType: 'Patient', birthDate: '2021-02-29' }, 'birthdate'), []);
  });

  it('choice types: Condition.onset as dateTime or Period, not Age', () => {
    assert.deepEqual(rowsFor({ resourceType: 'Condition', onsetPeriod: { start: '2019' } }, 'onset-date'), [d('2019-01-01T00:00:00Z', MAX_INSTANT)]);
    assert.deepEqual(rowsFor({ resourceType: 'Condition', onsetAge: { value: 3 } }, 'onset-date'), []);
  });
});

describe('number rows (https://hl7.org/fhir/R4/search.html#number)', () => {
  it('integer and decimal with their precision ranges', () => {
    assert.deepEqual(rowsFor({ resourceType: 'MolecularSequence', variant: [{ start: 100 }] }, 'variant-start'), [{ kind: 'number', value: 100, low: 99.5, high: 100.5 }]);
    const [row] = rowsFor({ resourceType: 'RiskAssessment', prediction: [{ probabilityDecimal: 0.25 }] }, 'probability') as { value: number; low: number; high: number }[];
    assert.equal(row!.value, 0.25);
    assert.ok(Math.abs(row!.low - 0.245) < 1e-12 && Math.abs(row!.high - 0.255) < 1e-12);
  });

  it('Range: low bound of low to high bound of high', () => {
    const rows = rowsFor({ resourceType: 'RiskAssessment', prediction: [{ probabilityRange: { low: { value: 1 }, high: { value: 3 } } }] }, 'probability');
    assert.deepEqual(rows, [{ kind: 'number', value: 1, low: 0.5, high: 3.5 }]);
  });
});

describe('quantity rows (https://hl7.org/fhir/R4/search.html#quantity)', () => {
  it('Quantity with system, code, unit and precision range', () => {
    const obs = { resourceType: 'Observation', valueQuantity: { value: 5.4, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } };
    const [row] = rowsFor(obs, 'value-quantity') as { value: number; low: number; high: number; system: string; code: string; unit: string }[];
    assert.deepEqual({ ...row, low: undefined, high: undefined }, { kind: 'quantity', system: 'http://unitsofmeasure.org', code: 'mg', unit: 'mg', value: 5.4, low: undefined, high: undefined });
    assert.ok(Math.abs(row!.low - 5.35) < 1e-12 && Math.abs(row!.high - 5.45) < 1e-12);
  });

  it('Age and Range for Condition.onset; SampledData is skipped', () => {
    const age = { resourceType: 'Condition', onsetAge: { value: 40, unit: 'yr', system: 'http://unitsofmeasure.org', code: 'a' } };
    assert.deepEqual(rowsFor(age, 'onset-age'), [{ kind: 'quantity', system: 'http://unitsofmeasure.org', code: 'a', unit: 'yr', value: 40, low: 39.5, high: 40.5 }]);
    const range = { resourceType: 'Condition', onsetRange: { low: { value: 10, code: 'a' }, high: { value: 20, code: 'a' } } };
    assert.deepEqual(rowsFor(range, 'onset-age'), [{ kind: 'quantity', system: null, code: 'a', unit: null, value: 10, low: 9.5, high: 20.5 }]);
    const sampled = { resourceType: 'Observation', valueSampledData: { origin: { value: 1 }, period: 1, dimensions: 1 } };
    assert.deepEqual(rowsFor(sampled, 'value-quantity'), []);
  });

  it('Money: currency as an ISO 4217 code; Duration', () => {
    const item = { resourceType: 'ChargeItem', priceOverride: { value: 12.5, currency: 'USD' } };
    assert.deepEqual(rowsFor(item, 'price-override'), [{ kind: 'quantity', system: 'urn:iso:std:iso:4217', code: 'USD', unit: null, value: 12.5, low: 12.45, high: 12.55 }]);
    const enc = { resourceType: 'Encounter', length: { value: 2, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' } };
    assert.deepEqual(rowsFor(enc, 'length'), [{ kind: 'quantity', system: 'http://unitsofmeasure.org', code: 'h', unit: 'h', value: 2, low: 1.5, high: 2.5 }]);
  });
});

describe('uri rows (https://hl7.org/fhir/R4/search.html#uri)', () => {
  it('uri, canonical and url as written', () => {
    const vs = { resourceType: 'ValueSet', url: 'http://vs/x', meta: { profile: ['http://p|1.0'], source: 'http://src#a' } };
    assert.deepEqual(rowsFor(vs, 'url'), [{ kind: 'uri', uri: 'http://vs/x' }]);
    assert.deepEqual(rowsFor(vs, '_profile'), [{ kind: 'uri', uri: 'http://p|1.0' }]);
    assert.deepEqual(rowsFor(vs, '_source'), [{ kind: 'uri', uri: 'http://src#a' }]);
  });

  it('oid and uuid', () => {
    const ix = indexerFor([customDef('oid', 'uri', "Patient.extension('http://x/oid').value", ['Patient'])]);
    const p = { resourceType: 'Patient', extension: [{ url: 'http://x/oid', valueOid: 'urn:oid:1.2.3' }, { url: 'http://x/oid', valueUuid: 'urn:uuid:a-b' }] };
    assert.deepEqual(rowsFor(p, 'oid', ix), [{ kind: 'uri', uri: 'urn:oid:1.2.3' }, { kind: 'uri', uri: 'urn:uuid:a-b' }]);
  });
});

describe('near (Location.position)', () => {
  it('one position row from latitude and longitude', () => {
    const loc = { resourceType: 'Location', position: { latitude: 41.7658, longitude: -72.6734 } };
    assert.deepEqual(rowsFor(loc, 'near'), [{ kind: 'position', latitude: 41.7658, longitude: -72.6734 }]);
  });
  it('none without a full, valid position', () => {
    assert.deepEqual(rowsFor({ resourceType: 'Location', position: { latitude: 41 } }, 'near'), []);
    assert.deepEqual(rowsFor({ resourceType: 'Location', position: { latitude: 141, longitude: 0 } }, 'near'), []);
  });
});
