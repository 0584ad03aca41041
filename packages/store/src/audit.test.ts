/** The audit trail and the CMS-0057-F Patient Access metrics, on every dialect. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent } from './audit/audit-store.js';
import { forEachDialect } from './test-dialects.js';
import { testStoreOptions } from './test-indexer.js';

const DAY = 86_400_000;
const Y2026 = Date.UTC(2026, 0, 1);
const Y2027 = Date.UTC(2027, 0, 1);

const fhir = (patient: string, atMs: number, outcome = 'success', env = 'production'): AuditEvent =>
  ({ env, atMs, kind: 'fhir', action: 'fhir:search ExplanationOfBenefit', outcome, clientId: 'app', member: `m-${patient}`, patient });

describe('audit', () => {
  forEachDialect('audit', (open) => {
    it('counts patients whose data went to an app, and those served on more than one day', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('production');
      await store.ensureEnvironment('sandbox');
      await store.audit.append([
        // a: three requests on one day → once
        fhir('a', Y2026 + 10 * DAY + 1000), fhir('a', Y2026 + 10 * DAY + 2000), fhir('a', Y2026 + 10 * DAY + 3000),
        // b: two days → more than once
        fhir('b', Y2026 + 3 * DAY), fhir('b', Y2026 + 200 * DAY),
        // c: only failures → not transferred
        fhir('c', Y2026 + DAY, 'failure:403'),
        // d: the second day is in 2027 → once in 2026
        fhir('d', Y2027 - 1000), fhir('d', Y2027 + 1000),
        // e: sandbox traffic never counts in production
        fhir('e', Y2026 + DAY, 'success', 'sandbox'), fhir('e', Y2026 + 9 * DAY, 'success', 'sandbox'),
        // tokens and authorizations are not transfers
        { env: 'production', atMs: Y2026 + DAY, kind: 'token', action: 'token:authorization_code', outcome: 'success', clientId: 'app', patient: 'f' },
      ]);
      assert.deepEqual(await store.audit.patientAccessMetrics('production', Y2026, Y2027), { patientsTransferred: 3, patientsTransferredMoreThanOnce: 1 });
      assert.deepEqual(await store.audit.patientAccessMetrics('sandbox', Y2026, Y2027), { patientsTransferred: 1, patientsTransferredMoreThanOnce: 1 });
      assert.deepEqual(await store.audit.patientAccessMetrics('production', Y2027, Y2027 + 365 * DAY), { patientsTransferred: 1, patientsTransferredMoreThanOnce: 0 });
    });

    it('reads a patient trail newest first, with every field as written', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('production');
      const many = Array.from({ length: 150 }, (_, i) => fhir('p', Y2026 + i * 1000));
      await store.audit.append([...many, { env: 'production', atMs: Y2026 + 500_000, kind: 'revocation', action: 'revocation:grant', outcome: 'success', clientId: 'app', member: 'm-p', patient: 'p', grantId: 'g1', detail: 'by the member' }]);
      const trail = await store.audit.forPatient('production', 'p', 3);
      assert.deepEqual(trail.map((e) => [e.kind, e.atMs]), [['revocation', Y2026 + 500_000], ['fhir', Y2026 + 149_000], ['fhir', Y2026 + 148_000]]);
      assert.deepEqual({ ...trail[0], eventId: 0 }, { eventId: 0, env: 'production', atMs: Y2026 + 500_000, kind: 'revocation', action: 'revocation:grant', outcome: 'success', clientId: 'app', member: 'm-p', patient: 'p', grantId: 'g1', detail: 'by the member' });
      assert.equal((await store.audit.forPatient('production', 'p', 1000)).length, 151);
    });
  });
});
