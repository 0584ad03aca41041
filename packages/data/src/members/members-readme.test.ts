/**
 * The README's "Sandbox test members" table is the data's: one row per sign-in, in order, with
 * username, password and story. On a mismatch the assertion prints the table to paste.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { testMemberLogins } from './synthetic-members.js';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/** The table rows of the README section, as written. */
function readmeRows(): string[] {
  const start = README.indexOf('\n## Sandbox test members\n');
  assert.ok(start >= 0, 'README has a "## Sandbox test members" section');
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  return section.split('\n').filter((line) => line.startsWith('| `'));
}

it('README "Sandbox test members" lists exactly the sandbox sign-ins', () => {
  const expected = testMemberLogins().map((m) => {
    // A '|' would split the row; the stories are written without one.
    assert.ok(!m.description.includes('|'), m.username);
    return `| \`${m.username}\` | \`${m.password}\` | ${m.description} |`;
  });
  assert.deepEqual(readmeRows(), expected, `README table should read:\n${expected.join('\n')}`);
});
