/**
 * A browser app on another origin calls the FHIR API from real Chromium: reads, searches and
 * errors must be readable (CORS), ETag must be exposed, and a request with a bearer token must
 * pass the preflight. https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createStore } from '@payerport/store';
import type { Browser, Page } from 'playwright-core';
import { openTestApp, type Loose, type TestApp } from '../test-app.js';
import { browserSkipReason, launchChromium } from './chromium.js';

const skip = browserSkipReason();

describe('a browser app on another origin', { skip }, () => {
  let t: TestApp;
  let pageServer: Server;
  let browser: Browser;
  let page: Page;
  let api: string;
  const dir = mkdtempSync(join(tmpdir(), 'payerport-browser-'));

  before(async () => {
    t = await openTestApp((options) => createStore({ ...options, sqlitePath: join(dir, 'db.sqlite') }));
    await t.store.transaction('sandbox', async (tx) => {
      await tx.update({ resourceType: 'Practitioner', id: 'cors-1', name: [{ family: 'Kealoha', given: ['Leilani'] }] });
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/sandbox/fhir/R4`;
    // The app's own origin: `localhost` is a different origin from `127.0.0.1`.
    pageServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'));
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`http://localhost:${(pageServer.address() as AddressInfo).port}/`);
  });

  after(async () => {
    await browser?.close();
    pageServer?.close();
    await t?.app.close();
    await t?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    page.evaluate(async ([u, i]) => {
      const res = await fetch(u, i);
      return { status: res.status, etag: res.headers.get('etag'), type: res.headers.get('content-type'), body: (await res.json()) as Loose };
    }, [url, init] as const);

  it('reads a resource and sees its ETag', async () => {
    const r = await call(`${api}/Practitioner/cors-1`, { headers: { accept: 'application/fhir+json' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.id, 'cors-1');
    assert.equal(r.etag, 'W/"1"');
    assert.match(r.type ?? '', /application\/fhir\+json/);
  });

  it('searches', async () => {
    const r = await call(`${api}/Practitioner?name=kea`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.entry.map((e: { resource: { id: string } }) => e.resource.id), ['cors-1']);
  });

  it('reads the OperationOutcome of a bad request', async () => {
    const r = await call(`${api}/Practitioner?nonsense=1`);
    assert.equal(r.status, 400);
    assert.equal(r.body.resourceType, 'OperationOutcome');
    assert.match(r.body.issue[0].diagnostics, /nonsense/);
  });

  it('passes the preflight of a request with a bearer token and a FHIR body', async () => {
    const r = await call(`${api}/Practitioner/cors-2`, {
      method: 'PUT',
      headers: { authorization: 'Bearer not-the-admin-token', 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Practitioner', id: 'cors-2' }),
    });
    // The browser got past the preflight and can read the refusal: a wrong credential is 403.
    assert.equal(r.status, 403);
    assert.equal(r.body.resourceType, 'OperationOutcome');
  });
});

