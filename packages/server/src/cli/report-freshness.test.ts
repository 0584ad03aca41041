/** `payerport report directory-freshness`: its command line and its table / JSON-lines output. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FreshnessReport } from '@payerport/data';
import { parseArgv, UsageError } from './argv.js';
import { freshnessArgs, freshnessLines } from './report-freshness.js';

const REPORT: FreshnessReport = {
  limitDays: 30, checked: 12, withSource: 9,
  late: [
    { type: 'PractitionerRole', id: 'role-1', sourceChanged: '2026-01-01T00:00:00.000Z', served: '2026-02-15T12:00:00.000Z', lagDays: 45.5 },
    { type: 'Location', id: 'loc-1', sourceChanged: '2026-01-10T00:00:00.000Z', served: '2026-02-11T00:00:00.000Z', lagDays: 32 },
  ],
};

describe('report directory-freshness', () => {
  it('parses --env, --limit-days (default from configuration) and --json', () => {
    assert.deepEqual(freshnessArgs(parseArgv(['report', 'directory-freshness', '--env', 'production']), 30), { env: 'production', limitDays: 30, json: false });
    assert.deepEqual(freshnessArgs(parseArgv(['report', 'directory-freshness', '--env=sandbox', '--limit-days', '7.5', '--json']), 30), { env: 'sandbox', limitDays: 7.5, json: true });
    for (const bad of [
      ['report'], ['report', 'freshness', '--env', 'production'], ['report', 'directory-freshness'],
      ['report', 'directory-freshness', '--env', 'production', '--limit-days', 'soon'],
      ['report', 'directory-freshness', '--env', 'production', '--limit-days', '-1'],
      ['report', 'directory-freshness', '--env', 'production', '--csv'],
    ]) assert.throws(() => freshnessArgs(parseArgv(bad), 30), UsageError, bad.join(' '));
  });

  it('prints a table, oldest lag first', () => {
    assert.deepEqual(freshnessLines(REPORT, 'production', false), [
      'production: 12 directory resources, 9 with a recorded source change; 2 took longer than 30 days.',
      '',
      'resource                 source changed            served since              days',
      '-----------------------  ------------------------  ------------------------  ----',
      'PractitionerRole/role-1  2026-01-01T00:00:00.000Z  2026-02-15T12:00:00.000Z  45.5',
      'Location/loc-1           2026-01-10T00:00:00.000Z  2026-02-11T00:00:00.000Z  32.0',
    ]);
    assert.deepEqual(freshnessLines({ ...REPORT, late: [] }, 'production', false), ['production: 12 directory resources, 9 with a recorded source change; 0 took longer than 30 days.']);
  });

  it('prints JSON lines with --json', () => {
    const lines = freshnessLines(REPORT, 'production', true).map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { resourceType: 'PractitionerRole', id: 'role-1', sourceChanged: '2026-01-01T00:00:00.000Z', served: '2026-02-15T12:00:00.000Z', lagDays: 45.5 });
    assert.equal(lines.length, 2);
  });
});
