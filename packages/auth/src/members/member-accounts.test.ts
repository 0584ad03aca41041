/** Member sign-in over both dialects: create/upsert, verify, lockout, unknown usernames, rehash. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { forEachDialect } from '@payerport/store/testing';
import { createMemberAccounts, type NewMember } from './member-accounts.js';
import { verifyPassword } from './password-hash.js';

const CHEAP = { ln: 6, r: 8, p: 1 };
const STORE_OPTIONS = { indexer: { extract: () => [] }, paramTypes: [] };

const ALICE: NewMember = {
  username: 'Alice',
  password: 'correct horse battery',
  displayName: 'Alice Example',
  language: 'es',
  patients: [
    { patientId: 'p-alice', relationship: 'self', display: 'Alice Example' },
    { patientId: 'p-bobby', relationship: 'parent', display: 'Bobby Example' },
  ],
};

describe('member accounts', () => {
  forEachDialect('member accounts', (open) => {
    const setup = async (now = { t: Date.UTC(2026, 5, 1) }) => {
      const store = await open(STORE_OPTIONS);
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('production');
      const accounts = createMemberAccounts(store, { hashParams: CHEAP, maxFailedAttempts: 3, lockMinutes: 10, clock: () => now.t });
      return { store, accounts, now };
    };

    it('signs in with a case-insensitive username and returns the member and patients', async () => {
      const { accounts } = await setup();
      const id = await accounts.create('sandbox', ALICE);
      const result = await accounts.verify('sandbox', '  ALICE ', 'correct horse battery');
      assert.deepEqual(result, {
        ok: true,
        member: { id, username: 'alice', displayName: 'Alice Example', language: 'es', patients: ALICE.patients },
      });
      assert.deepEqual(await accounts.get('sandbox', id), result.ok ? result.member : undefined);
      assert.equal(await accounts.get('sandbox', 'nobody'), undefined);
    });

    it('upserts by username: same id, new password, new links', async () => {
      const { accounts } = await setup();
      const id = await accounts.create('sandbox', ALICE);
      const again = await accounts.create('sandbox', { ...ALICE, username: 'alice', password: 'another password', patients: [ALICE.patients[0]!] });
      assert.equal(again, id);
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'correct horse battery'), { ok: false, reason: 'invalid' });
      const ok = await accounts.verify('sandbox', 'alice', 'another password');
      assert.equal(ok.ok && ok.member.patients.length, 1);
    });

    it('keeps environments apart', async () => {
      const { accounts } = await setup();
      await accounts.create('sandbox', ALICE);
      assert.deepEqual(await accounts.verify('production', 'alice', 'correct horse battery'), { ok: false, reason: 'invalid' });
    });

    it('answers an unknown username exactly like a wrong password', async () => {
      const { accounts } = await setup();
      await accounts.create('sandbox', ALICE);
      assert.deepEqual(await accounts.verify('sandbox', 'mallory', 'correct horse battery'), { ok: false, reason: 'invalid' });
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'wrong'), { ok: false, reason: 'invalid' });
      assert.deepEqual(await accounts.verify('sandbox', '', ''), { ok: false, reason: 'invalid' });
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'x'.repeat(5000)), { ok: false, reason: 'invalid' });
    });

    it('spends a hash on an unknown username, as on a wrong password', async () => {
      const { store } = await setup();
      // A costlier hash than the other tests, so the hash dominates the timings compared.
      const accounts = createMemberAccounts(store, { hashParams: { ln: 13, r: 8, p: 1 }, maxFailedAttempts: 1000 });
      await accounts.create('sandbox', ALICE);
      const times: Record<string, number[]> = { alice: [], nobody: [] };
      // Interleaved, wrong password first: the unknown-username path pads to the measured write time.
      for (let i = 0; i < 7; i++) {
        for (const username of ['alice', 'nobody']) {
          const start = performance.now();
          await accounts.verify('sandbox', username, 'wrong password');
          times[username]!.push(performance.now() - start);
        }
      }
      const median = (list: number[]): number => [...list].sort((a, b) => a - b)[3]!;
      const [unknown, wrong] = [median(times.nobody!), median(times.alice!)];
      // One-sided and loose: these cores are shared, and the property is "no fast path", not equality.
      assert.ok(unknown > wrong * 0.5, `unknown ${unknown.toFixed(1)} ms vs wrong password ${wrong.toFixed(1)} ms`);
    });

    it('locks after the configured failures, refuses even the right password, then unlocks', async () => {
      const { accounts, now } = await setup();
      await accounts.create('sandbox', ALICE);
      const start = now.t;
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'wrong 1'), { ok: false, reason: 'invalid' });
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'wrong 2'), { ok: false, reason: 'invalid' });
      const until = new Date(start + 10 * 60_000);
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'wrong 3'), { ok: false, reason: 'locked', lockedUntil: until });
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'correct horse battery'), { ok: false, reason: 'locked', lockedUntil: until });
      now.t = start + 10 * 60_000 + 1;
      assert.equal((await accounts.verify('sandbox', 'alice', 'correct horse battery')).ok, true);
    });

    it('resets the failure count after a successful sign-in', async () => {
      const { accounts } = await setup();
      await accounts.create('sandbox', ALICE);
      await accounts.verify('sandbox', 'alice', 'wrong 1');
      await accounts.verify('sandbox', 'alice', 'wrong 2');
      assert.equal((await accounts.verify('sandbox', 'alice', 'correct horse battery')).ok, true);
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'wrong 3'), { ok: false, reason: 'invalid' });
      assert.deepEqual(await accounts.verify('sandbox', 'alice', 'wrong 4'), { ok: false, reason: 'invalid' });
    });

    it('rehashes a password made with other parameters at the next sign-in', async () => {
      const { store, accounts } = await setup();
      const weak = createMemberAccounts(store, { hashParams: { ln: 5, r: 8, p: 1 } });
      const id = await weak.create('sandbox', ALICE);
      assert.equal((await accounts.verify('sandbox', 'alice', 'correct horse battery')).ok, true);
      const stored = (await store.members.byId('sandbox', id))!.passwordHash;
      assert.match(stored, /^\$scrypt\$ln=6,/);
      assert.equal(await verifyPassword('correct horse battery', stored), true);
    });

    it('refuses bad input when creating', async () => {
      const { accounts } = await setup();
      const bad = async (member: NewMember, pattern: RegExp) => assert.rejects(accounts.create('sandbox', member),
        (e: unknown) => e instanceof FhirError && e.status === 400 && pattern.test(e.message));
      await bad({ ...ALICE, username: ' ' }, /username is empty/);
      await bad({ ...ALICE, username: 'a b' }, /spaces/);
      await bad({ ...ALICE, password: 'short' }, /shorter than 8/);
      await bad({ ...ALICE, patients: [{ patientId: 'bad id!', relationship: 'self', display: 'x' }] }, /not a valid Patient id/);
      await bad({ ...ALICE, patients: [{ patientId: 'p', relationship: 'cousin' as 'self', display: 'x' }] }, /relationship 'cousin'/);
      await bad({ ...ALICE, patients: [ALICE.patients[0]!, ALICE.patients[0]!] }, /listed twice/);
      await bad({ ...ALICE, patients: [ALICE.patients[0]!, { ...ALICE.patients[1]!, relationship: 'self' }] }, /more than one/);
    });
  });
});
