/** The directory freshness report over imported resources — on every dialect. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { importRosterCsv } from '../roster/import-roster-file.js';
import { ENV, npi, openRosterStore, rosterCsv, tempFile } from '../roster/test-roster.js';
import { directoryFreshness } from './directory-freshness.js';
import { SOURCE_CHANGED_URL } from './source-changed.js';

forEachDialect('directory freshness', (open) => {
  it('lists resources served more than the limit after their source changed, oldest lag first', async () => {
    const store = await openRosterStore(open);
    const now = Date.now();
    const daysAgo = (d: number): string => new Date(now - d * 86_400_000).toISOString();
    await importRosterCsv(store, ENV, tempFile('r.csv', rosterCsv([
      { npi: npi(1), source_last_changed: daysAgo(45) },
      { npi: npi(2), source_last_changed: daysAgo(31), address_line1: '2 Elm St' },
      { npi: npi(3), source_last_changed: daysAgo(5), address_line1: '3 Oak St' },
    ])), { sourceChanged: daysAgo(1) });
    // A resource loaded some other way, with no recorded source change: counted, not judged.
    await store.transaction(ENV, (tx) => tx.update({ resourceType: 'Practitioner', id: 'unknown-source' }));

    const report = await directoryFreshness(store, ENV, { limitDays: 30 });
    // Each late row made a Location, a Practitioner and a PractitionerRole with its time (one row each).
    // (Within one day the order is by exact lag, i.e. by write order: compare each day's types sorted.)
    const byDay = report.late.map((r) => [Math.round(r.lagDays), r.type] as const);
    assert.deepEqual(byDay.map(([d]) => d), [45, 45, 45, 31, 31, 31]);
    assert.deepEqual([...byDay].sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1])).map(([d, t]) => [t, d]), [
      ['Location', 45], ['Practitioner', 45], ['PractitionerRole', 45],
      ['Location', 31], ['Practitioner', 31], ['PractitionerRole', 31],
    ]);
    assert.ok(report.late.every((r) => r.lagDays > 30));
    assert.ok(report.late.some((r) => r.id === `npi-${npi(1)}`));
    assert.equal(report.late[0]!.sourceChanged, daysAgo(45));
    assert.ok(Date.parse(report.late[0]!.served) >= now);
    // 2 networks + 3 locations + 3 practitioners + 3 roles + 1 more practitioner.
    assert.deepEqual([report.checked, report.withSource], [12, 9]);

    assert.equal((await directoryFreshness(store, ENV, { limitDays: 60 })).late.length, 0);
    assert.equal((await directoryFreshness(store, ENV, { limitDays: 0 })).late.length, 9);
    assert.ok(SOURCE_CHANGED_URL.startsWith('https://'));
  });
});
