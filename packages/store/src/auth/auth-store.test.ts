/** store.auth on every dialect: the oidc-provider adapter contract, keys and clients, per environment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDialect } from '../test-dialects.js';
import { testStoreOptions } from '../test-indexer.js';

describe('auth store', () => {
  forEachDialect('auth store', (open) => {
    let now = 1_000_000;
    const openEnvs = async () => {
      const store = await open(testStoreOptions({ clock: () => now }));
      await store.ensureEnvironment('sandbox');
      await store.ensureEnvironment('production');
      return store;
    };

    it('upserts, finds by id, uid and user code, and keeps JSON text as given', async () => {
      const { auth } = await openEnvs();
      const payload = JSON.stringify({ jti: 'a', 'x5t#S256': 'thumb', nested: { ü: [1, 2] } });
      await auth.payloads.upsert('sandbox', 'Session', 'a', { payload, uid: 'u1', expiresAt: now + 60_000 });
      await auth.payloads.upsert('sandbox', 'DeviceCode', 'd', { payload: '{}', userCode: 'ABCD-EFGH', grantId: 'g' });
      assert.deepEqual(await auth.payloads.find('sandbox', 'Session', 'a'), { payload, consumedAt: undefined, expiresAt: now + 60_000 });
      assert.equal((await auth.payloads.findByUid('sandbox', 'Session', 'u1'))?.payload, payload);
      assert.equal((await auth.payloads.findByUserCode('sandbox', 'DeviceCode', 'ABCD-EFGH'))?.payload, '{}');
      assert.equal(await auth.payloads.find('sandbox', 'AccessToken', 'a'), undefined, 'models are separate');
      await auth.payloads.upsert('sandbox', 'Session', 'a', { payload: '{"v":2}', uid: 'u2' });
      assert.equal((await auth.payloads.find('sandbox', 'Session', 'a'))?.payload, '{"v":2}');
      assert.equal(await auth.payloads.findByUid('sandbox', 'Session', 'u1'), undefined);
    });

    it('lists the live rows of a uid (a member\'s grants), per model and environment', async () => {
      const { auth } = await openEnvs();
      await auth.payloads.upsert('sandbox', 'SmartLaunch', 'g2', { payload: '{"n":2}', uid: 'm1', grantId: 'g2', expiresAt: now + 2000 });
      await auth.payloads.upsert('sandbox', 'SmartLaunch', 'g1', { payload: '{"n":1}', uid: 'm1', grantId: 'g1', expiresAt: now + 1000 });
      await auth.payloads.upsert('sandbox', 'SmartLaunch', 'g0', { payload: '{}', uid: 'm1', expiresAt: now - 1 });
      await auth.payloads.upsert('sandbox', 'SmartLaunch', 'g3', { payload: '{}', uid: 'm2' });
      await auth.payloads.upsert('sandbox', 'Session', 's', { payload: '{}', uid: 'm1' });
      await auth.payloads.upsert('production', 'SmartLaunch', 'g4', { payload: '{}', uid: 'm1' });
      const rows = await auth.payloads.listByUid('sandbox', 'SmartLaunch', 'm1');
      assert.deepEqual(rows.map((r) => [r.id, r.payload, r.expiresAt]), [['g1', '{"n":1}', now + 1000], ['g2', '{"n":2}', now + 2000]]);
      assert.deepEqual(await auth.payloads.listByUid('sandbox', 'SmartLaunch', 'nobody'), []);
    });

    it('keeps environments apart', async () => {
      const { auth } = await openEnvs();
      await auth.payloads.upsert('sandbox', 'AccessToken', 't', { payload: '{"env":"sandbox"}' });
      assert.equal(await auth.payloads.find('production', 'AccessToken', 't'), undefined);
      await auth.clients.create('sandbox', 'app', { metadata: '{}', secretHash: undefined });
      assert.equal(await auth.clients.find('production', 'app'), undefined);
      await assert.rejects(auth.payloads.find('staging', 'AccessToken', 't'), /Unknown environment/);
    });

    it('hides expired payloads and purges them', async () => {
      const { auth } = await openEnvs();
      await auth.payloads.upsert('sandbox', 'AccessToken', 'old', { payload: '{}', expiresAt: now + 10 });
      await auth.payloads.upsert('sandbox', 'AccessToken', 'new', { payload: '{}', expiresAt: now + 10_000 });
      now += 100;
      assert.equal(await auth.payloads.find('sandbox', 'AccessToken', 'old'), undefined);
      assert.equal(await auth.payloads.purgeExpired(now), 1);
      assert.ok(await auth.payloads.find('sandbox', 'AccessToken', 'new'));
    });

    it('consumes once, atomically, and reports when', async () => {
      const { auth } = await openEnvs();
      await auth.payloads.upsert('sandbox', 'AuthorizationCode', 'c', { payload: '{}', grantId: 'g1', expiresAt: now + 60_000 });
      const results = await Promise.all([1, 2, 3].map(() => auth.payloads.consume('sandbox', 'AuthorizationCode', 'c')));
      assert.deepEqual(results.sort(), [false, false, true]);
      assert.equal((await auth.payloads.find('sandbox', 'AuthorizationCode', 'c'))?.consumedAt, now);
      assert.equal(await auth.payloads.consume('sandbox', 'AuthorizationCode', 'missing'), false);
    });

    it('revokes by grant id, model by model, and destroys', async () => {
      const { auth } = await openEnvs();
      for (const [model, id, grantId] of [['AccessToken', 'a1', 'g1'], ['AccessToken', 'a2', 'g1'], ['RefreshToken', 'r1', 'g1'], ['AccessToken', 'a3', 'g2']] as const) {
        await auth.payloads.upsert('sandbox', model, id, { payload: '{}', grantId });
      }
      await auth.payloads.upsert('production', 'AccessToken', 'p1', { payload: '{}', grantId: 'g1' });
      assert.equal(await auth.payloads.revokeByGrantId('sandbox', 'AccessToken', 'g1'), 2);
      assert.ok(await auth.payloads.find('sandbox', 'RefreshToken', 'r1'));
      assert.ok(await auth.payloads.find('sandbox', 'AccessToken', 'a3'));
      assert.ok(await auth.payloads.find('production', 'AccessToken', 'p1'));
      await auth.payloads.destroy('sandbox', 'RefreshToken', 'r1');
      assert.equal(await auth.payloads.find('sandbox', 'RefreshToken', 'r1'), undefined);
    });

    it('revoking by grant id can leave a marker per deleted row, with its expiry', async () => {
      const { auth } = await openEnvs();
      await auth.payloads.upsert('sandbox', 'AccessToken', 'a1', { payload: '{}', grantId: 'g1', expiresAt: now + 60_000 });
      await auth.payloads.upsert('sandbox', 'AccessToken', 'a2', { payload: '{}', grantId: 'g2' });
      assert.equal(await auth.payloads.revokeByGrantId('sandbox', 'AccessToken', 'g1', 'RevokedToken'), 1);
      assert.equal(await auth.payloads.find('sandbox', 'AccessToken', 'a1'), undefined);
      assert.equal((await auth.payloads.find('sandbox', 'RevokedToken', 'a1'))?.expiresAt, now + 60_000);
      assert.equal(await auth.payloads.find('sandbox', 'RevokedToken', 'a2'), undefined);
      assert.equal(await auth.payloads.revokeByGrantId('sandbox', 'AccessToken', 'g2'), 1);
      assert.equal(await auth.payloads.find('sandbox', 'RevokedToken', 'a2'), undefined, 'no marker unless asked');
    });

    it('adds, lists newest first, retires and deletes keys', async () => {
      const { auth } = await openEnvs();
      await auth.keys.add('sandbox', { kid: 'k1', use: 'sig', jwk: '{"kty":"RSA"}' });
      now += 1;
      await auth.keys.add('sandbox', { kid: 'k2', use: 'sig', jwk: '{"kty":"RSA"}' });
      await auth.keys.add('sandbox', { kid: 'c1', use: 'cookie', jwk: '{"kty":"oct"}' });
      assert.deepEqual((await auth.keys.list('sandbox')).map((k) => k.kid), ['k2', 'c1', 'k1']);
      assert.equal(await auth.keys.retireOthers('sandbox', 'sig', 'k2'), 1);
      const keys = await auth.keys.list('sandbox');
      assert.equal(keys.find((k) => k.kid === 'k1')?.retiredAt, now);
      assert.equal(keys.find((k) => k.kid === 'c1')?.retiredAt, undefined);
      assert.deepEqual(await auth.keys.list('production'), []);
      now += 10;
      assert.equal(await auth.keys.deleteRetired('sandbox', now), 1);
      assert.deepEqual((await auth.keys.list('sandbox')).map((k) => k.kid), ['k2', 'c1']);
    });

    it('creates, updates, rotates and disables clients', async () => {
      const { auth } = await openEnvs();
      assert.equal(await auth.clients.create('sandbox', 'app', { metadata: '{"a":1}', secretHash: 'scrypt$x' }), true);
      assert.equal(await auth.clients.create('sandbox', 'app', { metadata: '{}', secretHash: undefined }), false);
      now += 5;
      assert.equal(await auth.clients.updateMetadata('sandbox', 'app', '{"a":2}'), true);
      assert.equal(await auth.clients.setSecretHash('sandbox', 'app', 'scrypt$y'), true);
      assert.equal(await auth.clients.setDisabled('sandbox', 'app', true), true);
      assert.equal(await auth.clients.setDisabled('sandbox', 'nope', true), false);
      const c = await auth.clients.find('sandbox', 'app');
      assert.deepEqual(c, { clientId: 'app', metadata: '{"a":2}', secretHash: 'scrypt$y', disabled: true, createdAt: now - 5, updatedAt: now });
      await auth.clients.put('sandbox', 'app', { metadata: '{"a":3}', secretHash: undefined });
      await auth.clients.put('sandbox', 'dyn', { metadata: '{}', secretHash: undefined });
      const all = await auth.clients.list('sandbox');
      assert.deepEqual(all.map((x) => [x.clientId, x.metadata, x.secretHash, x.disabled]), [['app', '{"a":3}', undefined, true], ['dyn', '{}', undefined, false]]);
    });
  });
});
