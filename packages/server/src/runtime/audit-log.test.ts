/** The audit buffer: batches, order, retry after a failed write. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent, AuditStore } from '@payerport/store';
import { createAuditLog } from './audit-log.js';

const event = (n: number): AuditEvent => ({ env: 'production', atMs: n, kind: 'fhir', action: 'fhir:read Patient', outcome: 'success', patient: `p${n}` });

function fakeStore(failures = 0): AuditStore & { batches: AuditEvent[][] } {
  const batches: AuditEvent[][] = [];
  let fail = failures;
  return {
    batches,
    append: async (events) => {
      if (fail-- > 0) throw new Error('database away');
      batches.push([...events]);
    },
    forPatient: async () => [],
    patientAccessMetrics: async () => ({ patientsTransferred: 0, patientsTransferredMoreThanOnce: 0 }),
  };
}

describe('audit log', () => {
  it('writes events in batches, in order, shortly after they happen', async () => {
    const store = fakeStore();
    const log = createAuditLog(store, { error: () => undefined }, { flushMs: 10 });
    for (let i = 0; i < 3; i++) log.record(event(i));
    assert.equal(store.batches.length, 0, 'nothing written synchronously');
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(store.batches.map((b) => b.map((e) => e.atMs)), [[0, 1, 2]]);
    for (let i = 3; i < 1003; i++) log.record(event(i));
    await log.close();
    assert.deepEqual(store.batches.flat().map((e) => e.atMs), Array.from({ length: 1003 }, (_, i) => i));
  });

  it('writes a full buffer without waiting for the timer', async () => {
    const store = fakeStore();
    const log = createAuditLog(store, { error: () => undefined }, { flushMs: 60_000 });
    for (let i = 0; i < 499; i++) log.record(event(i));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(store.batches.length, 0);
    log.record(event(499));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(store.batches.flat().length, 500);
    await log.close();
  });

  it('keeps events whose write failed and writes them with the next flush', async () => {
    const store = fakeStore(1);
    const errors: object[] = [];
    const log = createAuditLog(store, { error: (obj) => errors.push(obj) }, { flushMs: 5 });
    log.record(event(1));
    await log.flush();
    assert.equal(errors.length, 1);
    log.record(event(2));
    await log.close();
    assert.deepEqual(store.batches.flat().map((e) => e.atMs), [1, 2]);
  });
});
