/** `payerport keys rotate`: a new active signing key per environment, the old one retired and still published. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { openTestApp } from '../test-app.js';
import { parseArgv, UsageError } from './argv.js';
import { runKeys } from './keys-command.js';

forEachDialect('payerport keys rotate', (open) => {
  it('retires the signing key and adds a new one, in that environment only', async () => {
    const t = await openTestApp(open);
    const signing = async (env: string) => (await t.store.auth.keys.list(env)).filter((k) => k.use === 'sig');
    const [before] = await signing('sandbox');
    const production = await signing('production');
    const out: string[] = [];
    assert.equal(await runKeys(t.store, parseArgv(['keys', 'rotate', '--env', 'sandbox']), 'sandbox', (l) => out.push(l)), 0);
    const after = await signing('sandbox');
    const active = after.filter((k) => k.retiredAt === undefined);
    assert.equal(active.length, 1);
    assert.notEqual(active[0]!.kid, before!.kid);
    assert.ok(after.some((k) => k.kid === before!.kid && k.retiredAt !== undefined), 'the old key is kept, retired');
    assert.match(out[0]!, new RegExp(active[0]!.kid));
    assert.deepEqual(await signing('production'), production);
    await assert.rejects(runKeys(t.store, parseArgv(['keys', 'spin', '--env', 'sandbox']), 'sandbox', () => undefined), UsageError);
  });
});
