/** `payerport report patient-access-metrics`: its command line and output. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgv, UsageError } from './argv.js';
import { patientAccessArgs, patientAccessLines } from './report-patient-access.js';

describe('report patient-access-metrics', () => {
  it('parses --year, --env (default production) and --json', () => {
    assert.deepEqual(patientAccessArgs(parseArgv(['report', 'patient-access-metrics', '--year', '2026'])), { env: 'production', year: 2026, json: false });
    assert.deepEqual(patientAccessArgs(parseArgv(['report', 'patient-access-metrics', '--year=2027', '--env', 'sandbox', '--json'])), { env: 'sandbox', year: 2027, json: true });
    for (const bad of [
      ['report', 'patient-access-metrics'], ['report', 'patient-access-metrics', '--year', '26'],
      ['report', 'patient-access-metrics', '--year', 'last'], ['report', 'patient-access-metrics', '--year', '2026', 'extra'],
      ['report', 'patient-access-metrics', '--year', '2026', '--month', '3'], ['report', 'patient-access-metrics', '--year', '2026', '--json=yes'],
    ]) assert.throws(() => patientAccessArgs(parseArgv(bad)), UsageError, bad.join(' '));
  });

  it('prints both figures, or one JSON object', () => {
    const metrics = { patientsTransferred: 1234, patientsTransferredMoreThanOnce: 567 };
    const lines = patientAccessLines(metrics, { env: 'production', year: 2026, json: false });
    assert.match(lines[1]!, /transferred to an app they authorized: 1234$/);
    assert.match(lines[2]!, /more than once .*: +567$/);
    assert.deepEqual(JSON.parse(patientAccessLines(metrics, { env: 'production', year: 2026, json: true })[0]!),
      { environment: 'production', year: 2026, patientsTransferred: 1234, patientsTransferredMoreThanOnce: 567 });
  });
});
