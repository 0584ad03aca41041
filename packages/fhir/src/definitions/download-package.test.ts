import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { downloadPackage } from './download-package.js';
import { findPackage } from './find-package.js';
import { tempDir, writeFakePackageTgz } from './test-packages.js';

const fake = { id: 'example.fhir.fake', version: '1.2.3', resources: { 'ValueSet-x.json': { resourceType: 'ValueSet', url: 'http://example.org/vs' } } };
const ref = { id: fake.id, version: fake.version };
const servers: Server[] = [];

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

after(() => {
  for (const s of servers) s.closeAllConnections();
  return Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('downloadPackage', () => {
  it('fetches {registry}/{id}/{version} and extracts it into the cache layout', async () => {
    const tgz = await readFile(await writeFakePackageTgz(await tempDir(), fake));
    const requested: string[] = [];
    const registryUrl = await serve((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/tar+gzip' }).end(tgz);
    });
    const cacheDir = join(await tempDir(), 'not-yet-created');
    const dir = await downloadPackage(ref, { registryUrl: `${registryUrl}/`, cacheDir, timeoutMs: 2000 });
    assert.deepEqual(requested, ['/example.fhir.fake/1.2.3']);
    assert.equal(dir, join(cacheDir, 'example.fhir.fake#1.2.3', 'package'));
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'ValueSet-x.json'), 'utf8')).url, 'http://example.org/vs');
    assert.deepEqual(await readdir(cacheDir), ['example.fhir.fake#1.2.3'], 'no staging folder left behind');

    // Found in the cache next time, without the registry.
    const again = await findPackage(ref, { packageDirs: [], cacheDir, registryUrl: 'http://127.0.0.1:9', fetchTimeoutMs: 100, download: false });
    assert.equal(again.files?.location, dir);
  });

  it('reports the HTTP status of a failed download', async () => {
    const registryUrl = await serve((_req, res) => res.writeHead(404, 'Not Found').end());
    const cacheDir = await tempDir();
    await assert.rejects(downloadPackage(ref, { registryUrl, cacheDir, timeoutMs: 2000 }), /HTTP 404 Not Found/);
    assert.deepEqual(await readdir(cacheDir), [], 'nothing left in the cache');
  });

  it('gives up after fetchTimeoutMs when the registry does not answer', async () => {
    const registryUrl = await serve(() => undefined); // accepts, never answers
    const started = performance.now();
    await assert.rejects(downloadPackage(ref, { registryUrl, cacheDir: await tempDir(), timeoutMs: 300 }), /no answer within 300 ms/);
    assert.ok(performance.now() - started < 2000);
  });

  it('rejects a download that is not a package', async () => {
    const registryUrl = await serve((_req, res) => res.writeHead(200).end('<html>not a tarball</html>'));
    await assert.rejects(downloadPackage(ref, { registryUrl, cacheDir: await tempDir(), timeoutMs: 2000 }), /the download is not a package tarball \(TAR_BAD_ARCHIVE/);
  });
});
