/** `payerport clients …` over a real store: create prints the secret once, list/update/rotate/disable. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { openTestApp } from '../test-app.js';
import { parseArgv, UsageError } from './argv.js';
import { runClients } from './clients-command.js';

describe('payerport clients', () => {
  forEachDialect('payerport clients', (open) => {
    it('creates, lists, updates, rotates and disables, per environment', async () => {
      const { store } = await openTestApp(open);
      const run = async (...argv: string[]) => {
        const lines: string[] = [];
        const code = await runClients(store, parseArgv(['clients', ...argv]), 'sandbox', (l) => lines.push(l));
        return { code, text: lines.join('\n') };
      };
      const registryView = async (clientId: string) => JSON.parse((await store.auth.clients.find('sandbox', clientId))!.metadata) as Record<string, unknown>;
      const created = await run('create', '--name', 'CLI App', '--redirect-uris', 'https://app.example/cb,http://localhost:3000/cb', '--auth-method', 'client_secret_post');
      assert.equal(created.code, 0);
      const id = created.text.split(/\s+/)[0]!;
      const secret = /client secret \(shown once, store it now\): (\S+)/.exec(created.text)?.[1];
      assert.ok(secret);
      assert.match((await store.auth.clients.find('sandbox', id))!.secretHash!, /^scrypt\$/);
      const listed = await run('list');
      assert.match(listed.text, new RegExp(`^${id}  active  client_secret_post  CLI App`));
      assert.ok(!listed.text.includes(secret));
      assert.match((await run('update', id, '--name', 'Renamed')).text, /Renamed/);
      assert.match((await run('update', id, '--privacy-policy-attested', '--policy-uri', 'https://app.example/privacy')).text, /privacy policy: attested/);
      assert.equal((await registryView(id)).payerport_privacy_policy_attested, true);
      assert.equal((await registryView(id)).policy_uri, 'https://app.example/privacy');
      assert.doesNotMatch((await run('update', id, '--privacy-policy-attested=false')).text, /attested/);
      assert.equal((await registryView(id)).payerport_privacy_policy_attested, false);
      await assert.rejects(run('update', id, '--privacy-policy-attested=maybe'), UsageError);
      const rotated = await run('rotate-secret', id);
      assert.ok(!rotated.text.includes(secret) && /shown once/.test(rotated.text));
      assert.match((await run('disable', id)).text, /DISABLED/);
      const refused = await run('create', '--redirect-uris', 'http://app.example/cb');
      assert.equal(refused.code, 1);
      assert.match(refused.text, /must use https/);
      assert.equal((await store.auth.clients.list('production')).length, 0);
      await assert.rejects(run('rotate-secret'), UsageError);
      await assert.rejects(run('explode'), UsageError);
    });
  });
});
