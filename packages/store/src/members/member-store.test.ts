/** Member accounts: upsert by username, patient links in order, atomic failure counting, per environment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { forEachDialect } from '../test-dialects.js';
import { testStoreOptions } from '../test-indexer.js';

const ALICE = {
  username: 'alice',
  passwordHash: '$test$1',
  displayName: 'Alice Example',
  language: 'en',
  patients: [
    { patientId: 'p-alice', relationship: 'self', display: 'Alice Example' },
    { patientId: 'p-bobby', relationship: 'parent', display: 'Bobby Example' },
  ],
};

describe('member store', () => {
  forEachDialect('members', (open) => {
    it('creates, then updates the same member by username, replacing its links', async () => {
      const store = await open(testStoreOptions({ clock: () => Date.UTC(2026, 0, 2) }));
      await store.ensureEnvironment('sandbox');
      const id = await store.members.upsert('sandbox', ALICE);
      const created = await store.members.byUsername('sandbox', 'alice');
      assert.deepEqual(created, {
        id, username: 'alice', passwordHash: '$test$1', displayName: 'Alice Example', language: 'en',
        failedAttempts: 0, lockedUntil: undefined, createdAt: '2026-01-02T00:00:00.000Z',
      });
      assert.deepEqual(await store.members.patients('sandbox', id), ALICE.patients);

      const again = await store.members.upsert('sandbox', {
        ...ALICE, passwordHash: '$test$2', language: 'es', patients: [{ patientId: 'p-carla', relationship: 'guardian', display: 'Carla' }],
      });
      assert.equal(again, id);
      const updated = await store.members.byId('sandbox', id);
      assert.equal(updated?.passwordHash, '$test$2');
      assert.equal(updated?.language, 'es');
      assert.deepEqual(await store.members.patients('sandbox', id), [{ patientId: 'p-carla', relationship: 'guardian', display: 'Carla' }]);
    });

    it('keeps environments apart and answers 404 for an unknown one', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('production');
      const sandboxId = await store.members.upsert('sandbox', ALICE);
      assert.equal(await store.members.byUsername('production', 'alice'), undefined);
      assert.equal(await store.members.byId('production', sandboxId), undefined);
      const productionId = await store.members.upsert('production', { ...ALICE, patients: [] });
      assert.notEqual(productionId, sandboxId);
      assert.equal((await store.members.patients('sandbox', sandboxId)).length, 2);
      assert.equal((await store.members.patients('production', productionId)).length, 0);
      await assert.rejects(store.members.byUsername('nowhere', 'alice'), (e: unknown) => e instanceof FhirError && e.status === 404);
    });

    it('counts failures, locks at the limit, and restarts the count after the lock ends', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      const id = await store.members.upsert('sandbox', ALICE);
      const policy = (now: number) => ({ maxAttempts: 3, now, lockUntil: now + 1000 });
      assert.deepEqual(await store.members.recordFailure('sandbox', id, policy(10)), { failedAttempts: 1, lockedUntil: undefined });
      assert.deepEqual(await store.members.recordFailure('sandbox', id, policy(20)), { failedAttempts: 2, lockedUntil: undefined });
      assert.deepEqual(await store.members.recordFailure('sandbox', id, policy(30)), { failedAttempts: 3, lockedUntil: 1030 });
      assert.equal((await store.members.byId('sandbox', id))?.lockedUntil, 1030);
      // After the lock has ended, the next failure is the first of a new run.
      assert.deepEqual(await store.members.recordFailure('sandbox', id, policy(2000)), { failedAttempts: 1, lockedUntil: undefined });
      await store.members.clearFailures('sandbox', id);
      const cleared = await store.members.byId('sandbox', id);
      assert.equal(cleared?.failedAttempts, 0);
      assert.equal(cleared?.lockedUntil, undefined);
    });

    it('counts concurrent failures without losing any', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      const id = await store.members.upsert('sandbox', ALICE);
      await Promise.all(Array.from({ length: 8 }, () => store.members.recordFailure('sandbox', id, { maxAttempts: 100, now: 1, lockUntil: 2 })));
      assert.equal((await store.members.byId('sandbox', id))?.failedAttempts, 8);
    });

    it('changes the password hash and removes a member with its links', async () => {
      const store = await open(testStoreOptions());
      await store.ensureEnvironment('sandbox');
      const id = await store.members.upsert('sandbox', ALICE);
      await store.members.setPasswordHash('sandbox', id, '$test$new');
      assert.equal((await store.members.byId('sandbox', id))?.passwordHash, '$test$new');
      assert.equal(await store.members.remove('sandbox', id), true);
      assert.equal(await store.members.remove('sandbox', id), false);
      assert.equal(await store.members.byId('sandbox', id), undefined);
      assert.deepEqual(await store.members.patients('sandbox', id), []);
    });
  });
});
