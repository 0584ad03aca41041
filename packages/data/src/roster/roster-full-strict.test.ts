/** --full end-dating, --strict all-or-nothing, and resources written whole or not at all — on every dialect. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Indexer } from '@payerport/fhir';
import type { SqlStore } from '@payerport/store';
import { forEachDialect } from '@payerport/store/testing';
import { importRosterCsv } from './import-roster-file.js';
import { locationKey, roleId } from './resource-ids.js';
import type { RosterRow } from './roster-columns.js';
import { scanResources } from './scan-resources.js';
import { ENV, current, npi, openRosterStore, rosterCsv, tempFile, versionCount } from './test-roster.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const MAIN = { addressLine1: '1 Main St', city: 'Hartford', state: 'CT', zip: '06103' } as RosterRow;
const role = (n: number, network = 'net-a'): string => roleId(npi(n), locationKey(MAIN), network);
const rows = (...ns: number[]): Record<string, string>[] => ns.map((n) => ({ npi: npi(n), first_name: `P${n}` }));

/** Ids a search of `type` returns (live resources only). */
async function scan(store: SqlStore, type: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const r of scanResources((q) => store.search(ENV, q), type)) ids.push(r.id);
  return ids;
}

forEachDialect('roster --full and --strict', (open) => {
  it('--full ends roles of this source that the file no longer lists: a final end-dated version, then a deletion', async () => {
    const store = await openRosterStore(open);
    await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2, 3))), { today: '2026-01-10' });
    // Another source's role must survive this source's --full.
    await importRosterCsv(store, ENV, tempFile('other.csv', rosterCsv(rows(9))), { today: '2026-01-10', source: 'delegate-b' });

    const summary = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 3))), { today: '2026-02-01', full: true, sourceChanged: '2026-01-31T08:00:00.000Z' });
    assert.deepEqual([summary.ended, summary.unchanged, summary.created, summary.updated], [1, 5, 0, 0]);
    // The Location both sources list carries both tags.
    const loc: Loose = await current(store, 'Location', (JSON.parse((await store.read(ENV, 'PractitionerRole', role(9)))!.json) as Loose).location[0].reference.split('/')[1]);
    assert.deepEqual(loc.meta.tag.map((t: Loose) => t.code), ['delegate-b', 'roster']);
    // Gone from reads and searches; history holds the conformant end-dated version, then the deletion.
    const stored = await store.read(ENV, 'PractitionerRole', role(2));
    assert.deepEqual([stored?.deleted, stored?.versionId], [true, 3]);
    const history = await store.history(ENV, { type: 'PractitionerRole', id: role(2), count: 10 });
    assert.deepEqual(history.entries.map((e) => [e.versionId, e.method]), [[3, 'delete'], [2, 'update'], [1, 'create']]);
    const ended: Loose = JSON.parse((await store.vread(ENV, 'PractitionerRole', role(2), 2))!.json);
    assert.deepEqual([ended.active, ended.period], [true, { start: '2025-01-01', end: '2026-02-01' }]);
    assert.equal(ended.meta.extension[0].valueDateTime, '2026-01-31T08:00:00.000Z');
    assert.deepEqual((await scan(store, 'PractitionerRole')).includes(role(2)), false);
    assert.equal((await current(store, 'PractitionerRole', role(9)) as Loose).active, true);
    assert.equal((await current(store, 'PractitionerRole', role(1)) as Loose).active, true);

    // Again: nothing left to end, nothing written.
    const versions = await versionCount(store);
    const again = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 3))), { today: '2026-02-02', full: true });
    assert.deepEqual([again.ended, again.updated], [0, 0]);
    assert.equal(await versionCount(store), versions);

    // The role coming back in a later file is served again: a new version after the deletion.
    const back = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2, 3))), { today: '2026-03-01', full: true });
    assert.deepEqual([back.created, back.updated, back.ended], [1, 0, 0]);
    const revived: Loose = await current(store, 'PractitionerRole', role(2));
    assert.deepEqual([revived.active, revived.period, revived.meta.versionId], [true, { start: '2025-01-01' }, '4']);
    assert.ok((await scan(store, 'PractitionerRole')).includes(role(2)));
  });

  it('--full ends a role that had not started on its start date, and a role stored inactive by an older import', async () => {
    const store = await openRosterStore(open);
    await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv([...rows(1), { npi: npi(2), effective_start: '2026-06-01' }])), { today: '2026-01-10' });
    // What imports before Plan-Net conformance stored for an ended role: live, inactive.
    const legacy: Loose = await current(store, 'PractitionerRole', role(1));
    await store.transaction(ENV, (tx) => tx.update({ ...legacy, active: false, period: { start: '2025-01-01', end: '2025-12-31' } }));
    const summary = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(3))), { today: '2026-02-01', full: true });
    assert.equal(summary.ended, 2);
    const final = async (id: string): Promise<Loose> => {
      const history = await store.history(ENV, { type: 'PractitionerRole', id, count: 10 });
      assert.equal(history.entries[0]!.method, 'delete');
      return JSON.parse(history.entries[1]!.json);
    };
    assert.deepEqual([(await final(role(2))).active, (await final(role(2))).period], [true, { start: '2026-06-01', end: '2026-06-01' }]);
    assert.deepEqual([(await final(role(1))).active, (await final(role(1))).period], [true, { start: '2025-01-01', end: '2025-12-31' }]);
  });

  it('a row whose effective_end has passed ends its role; listing it again unchanged writes nothing', async () => {
    const store = await openRosterStore(open);
    await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2))), { today: '2026-01-10' });
    const termed = rosterCsv([...rows(1), { npi: npi(2), first_name: 'P2', effective_end: '2026-01-31' }]);
    const summary = await importRosterCsv(store, ENV, tempFile('r.csv', termed), { today: '2026-02-01' });
    assert.deepEqual([summary.ended, summary.updated, summary.byType.PractitionerRole?.unchanged], [1, 0, 1]);
    assert.equal(await current(store, 'PractitionerRole', role(2)), undefined);
    const final: Loose = JSON.parse((await store.vread(ENV, 'PractitionerRole', role(2), 2))!.json);
    assert.deepEqual([final.active, final.period], [true, { start: '2025-01-01', end: '2026-01-31' }]);
    const versions = await versionCount(store);
    const again = await importRosterCsv(store, ENV, tempFile('r.csv', termed), { today: '2026-02-02', full: true });
    assert.deepEqual([again.ended, again.created, again.updated, again.unchanged], [0, 0, 0, 5]);
    assert.equal(await versionCount(store), versions);
  });

  it('--full of one source only untags a role another source still lists', async () => {
    const store = await openRosterStore(open);
    await importRosterCsv(store, ENV, tempFile('a.csv', rosterCsv(rows(1, 2))), { today: '2026-01-10', source: 'a' });
    await importRosterCsv(store, ENV, tempFile('b.csv', rosterCsv(rows(2))), { today: '2026-01-10', source: 'b' });
    const summary = await importRosterCsv(store, ENV, tempFile('a.csv', rosterCsv(rows(1))), { today: '2026-02-01', source: 'a', full: true });
    assert.deepEqual([summary.ended, summary.byType.PractitionerRole?.updated], [0, 1]);
    const shared: Loose = await current(store, 'PractitionerRole', role(2));
    assert.deepEqual([shared.active, shared.meta.tag.map((t: Loose) => t.code)], [true, ['b']]);
    const byB = await importRosterCsv(store, ENV, tempFile('b.csv', rosterCsv(rows(1))), { today: '2026-02-01', source: 'b', full: true });
    assert.equal(byB.ended, 1);
    assert.equal(await current(store, 'PractitionerRole', role(2)), undefined);
  });

  it('--full keeps the roles that rejected rows still name, and ends nothing when a rejected row cannot be told', async () => {
    const store = await openRosterStore(open);
    await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2, 3))), { today: '2026-01-10' });
    // Row for P2 has a bad phone but a valid npi/location/network: its role stays.
    const kept = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv([...rows(1), { npi: npi(2), phone: 'none' }])), { today: '2026-02-01', full: true });
    assert.deepEqual([kept.rejected.map((r) => r.line), kept.ended], [[3], 1]);
    assert.equal((await current(store, 'PractitionerRole', role(2)) as Loose).active, true);
    assert.equal(await current(store, 'PractitionerRole', role(3)), undefined);

    // A row whose NPI is broken could be anyone's: --full does not guess.
    const text = rosterCsv([...rows(2), { npi: '12345' }]);
    const skipped = await importRosterCsv(store, ENV, tempFile('r.csv', text), { today: '2026-02-01', full: true });
    assert.equal(skipped.ended, 0);
    assert.match(skipped.fullSkipped ?? '', /--full ended no roles: 1 rejected line/);
    assert.equal((await current(store, 'PractitionerRole', role(1)) as Loose).active, true);
  });

  it('--strict writes nothing when any row is rejected, and everything otherwise', async () => {
    const store = await openRosterStore(open);
    const versions = await versionCount(store);
    const bad = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv([...rows(1, 2), { npi: npi(3), network_id: 'nope' }])), { today: '2026-01-10', strict: true });
    assert.equal(bad.written, false);
    assert.deepEqual(bad.rejected.map((r) => r.line), [4]);
    assert.deepEqual([bad.created, bad.updated, bad.unchanged], [0, 0, 0]);
    assert.equal(await versionCount(store), versions);
    assert.equal(await current(store, 'Practitioner', `npi-${npi(1)}`), undefined);

    const good = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2))), { today: '2026-01-10', strict: true });
    assert.deepEqual([good.written, good.created], [true, 5]);

    // Endings (final version + deletion) go in the same single transaction as the writes.
    const full = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv([...rows(1), { npi: npi(3), effective_end: '2026-01-31' }])), { today: '2026-02-01', strict: true, full: true });
    assert.deepEqual([full.written, full.created, full.ended, full.unchanged], [true, 1, 2, 3]);
    for (const n of [2, 3]) assert.equal((await store.read(ENV, 'PractitionerRole', role(n)))?.deleted, true);
  });

  it('never leaves a half-written resource: a failing write costs its own rows only, or everything with --strict', async () => {
    const failing = role(2);
    const store = await openRosterStore(open, (indexer): Indexer => ({
      extract: (r) => {
        if (r.id === failing) throw new Error('index extraction failed');
        return indexer.extract(r);
      },
    }));
    const versions = await versionCount(store);
    const strict = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2, 3))), { today: '2026-01-10', strict: true });
    assert.equal(strict.written, false);
    assert.deepEqual(strict.rejected, [{ line: 3, reason: `PractitionerRole/${failing} could not be written: index extraction failed` }]);
    assert.equal(await versionCount(store), versions, 'strict: nothing at all');

    // Batches of 2: the failing role's batch is retried one resource per transaction.
    const summary = await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv(rows(1, 2, 3))), { today: '2026-01-10', batchSize: 2 });
    assert.deepEqual(summary.rejected, [{ line: 3, reason: `PractitionerRole/${failing} could not be written: index extraction failed` }]);
    assert.deepEqual([summary.created, summary.written], [6, true]);
    assert.equal(await store.read(ENV, 'PractitionerRole', failing), undefined);
    assert.equal((await store.history(ENV, { type: 'PractitionerRole', id: failing, count: 10 })).entries.length, 0);
    const rids = await store.sql.all<{ n: number }>("SELECT count(*) AS n FROM resource WHERE id = ?", [failing]);
    assert.equal(Number(rids[0]!.n), 0);
    for (const n of [1, 3]) assert.ok(await current(store, 'PractitionerRole', role(n)));
    assert.ok(await current(store, 'Practitioner', `npi-${npi(2)}`), 'the practitioner itself was fine');
  });
});
