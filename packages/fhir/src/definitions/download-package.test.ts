import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { downloadPackage } from './download-package.js';
import { findPackage } from './find-package.js';
import type { PackageRegistry } from './package-registries.js';
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

const fhir = (url: string): PackageRegistry => ({ url, layout: 'fhir' });
const npm = (url: string): PackageRegistry => ({ url, layout: 'npm' });

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
    const dir = await downloadPackage(ref, { registry: fhir(`${registryUrl}/`), cacheDir, timeoutMs: 2000 });
    assert.deepEqual(requested, ['/example.fhir.fake/1.2.3']);
    assert.equal(dir, join(cacheDir, 'example.fhir.fake#1.2.3', 'package'));
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'ValueSet-x.json'), 'utf8')).url, 'http://example.org/vs');
    assert.deepEqual(await readdir(cacheDir), ['example.fhir.fake#1.2.3'], 'no staging folder left behind');

    // Found in the cache next time, without the registry.
    const again = await findPackage(ref, { packageDirs: [], cacheDir, registries: [fhir('http://127.0.0.1:9')], fetchTimeoutMs: 100, download: false });
    assert.equal(again.files?.location, dir);
  });

  it('fetches {npm}/{id}/-/{id}-{version}.tgz from an npm registry', async () => {
    const tgz = await readFile(await writeFakePackageTgz(await tempDir(), fake));
    const requested: string[] = [];
    const npmUrl = await serve((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(tgz);
    });
    const dir = await downloadPackage(ref, { registry: npm(npmUrl), cacheDir: await tempDir(), timeoutMs: 2000 });
    assert.deepEqual(requested, ['/example.fhir.fake/-/example.fhir.fake-1.2.3.tgz']);
    assert.ok((await readdir(dir)).includes('ValueSet-x.json'));
  });

  it('reports the HTTP status of a failed download', async () => {
    const registryUrl = await serve((_req, res) => res.writeHead(404, 'Not Found').end());
    const cacheDir = await tempDir();
    await assert.rejects(downloadPackage(ref, { registry: fhir(registryUrl), cacheDir, timeoutMs: 2000 }), /HTTP 404 Not Found/);
    assert.deepEqual(await readdir(cacheDir), [], 'nothing left in the cache');
  });

  it('gives up after fetchTimeoutMs when the registry does not answer', async () => {
    const registryUrl = await serve(() => undefined); // accepts, never answers
    const started = performance.now();
    await assert.rejects(downloadPackage(ref, { registry: fhir(registryUrl), cacheDir: await tempDir(), timeoutMs: 300 }), /no answer within 300 ms/);
    assert.ok(performance.now() - started < 2000);
  });

  it('rejects a download that is not a package', async () => {
    const registryUrl = await serve((_req, res) => res.writeHead(200).end('<html>not a tarball</html>'));
    await assert.rejects(downloadPackage(ref, { registry: fhir(registryUrl), cacheDir: await tempDir(), timeoutMs: 2000 }), /the download is not a package tarball \(TAR_BAD_ARCHIVE/);
  });

  it('keeps another package than the one asked for out of the cache', async () => {
    const tgz = await readFile(await writeFakePackageTgz(await tempDir(), { ...fake, version: '9.9.9' }));
    const registryUrl = await serve((_req, res) => res.writeHead(200).end(tgz));
    const cacheDir = await tempDir();
    await assert.rejects(downloadPackage(ref, { registry: fhir(registryUrl), cacheDir, timeoutMs: 2000 }), /contains example\.fhir\.fake#9\.9\.9, expected example\.fhir\.fake#1\.2\.3/);
    assert.deepEqual(await readdir(cacheDir), []);
  });
});

describe('findPackage: registries in order', () => {
  it('falls back to the next registry and lists each one tried, with why it failed', async () => {
    const tgz = await readFile(await writeFakePackageTgz(await tempDir(), fake));
    const hits: string[] = [];
    const down = await serve((req, res) => {
      hits.push(`down ${req.url}`);
      res.writeHead(503, 'Service Unavailable').end();
    });
    const npmUrl = await serve((req, res) => {
      hits.push(`npm ${req.url}`);
      res.writeHead(200).end(tgz);
    });
    const cacheDir = await tempDir();
    const result = await findPackage(ref, { packageDirs: [], cacheDir, registries: [fhir(down), npm(npmUrl)], fetchTimeoutMs: 2000, download: true });
    assert.equal(result.files?.location, join(cacheDir, 'example.fhir.fake#1.2.3', 'package'));
    assert.deepEqual(hits, ['down /example.fhir.fake/1.2.3', 'npm /example.fhir.fake/-/example.fhir.fake-1.2.3.tgz']);

    const absent = await findPackage({ ...ref, version: '0.0.1' }, { packageDirs: [], cacheDir, registries: [fhir(down), npm(down)], fetchTimeoutMs: 2000, download: true });
    assert.deepEqual(absent.looked?.slice(1), [
      `${down}/example.fhir.fake/0.0.1 (download failed: HTTP 503 Service Unavailable)`,
      `${down}/example.fhir.fake/-/example.fhir.fake-0.0.1.tgz (download failed: HTTP 503 Service Unavailable)`,
    ]);
  });

  it('does not go to the network when download is off', async () => {
    const hits: string[] = [];
    const registryUrl = await serve((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(404).end();
    });
    const result = await findPackage(ref, { packageDirs: [], cacheDir: await tempDir(), registries: [fhir(registryUrl)], fetchTimeoutMs: 2000, download: false });
    assert.equal(result.files, undefined);
    assert.deepEqual(hits, []);
  });
});
