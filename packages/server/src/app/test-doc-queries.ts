/**
 * Test helpers for the suites that keep documentation true: the `GET` lines of a guide and the
 * sandbox `curl`s of the README, run through `inject()` against the sandbox as `npm start` seeds it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import type { OpenStore } from '@payerport/store/testing';
import { seedSandbox } from '../runtime/seed-sandbox.js';
import { json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const ROOT = new URL('../../../../', import.meta.url);

/** The `GET /sandbox/fhir/R4/...` lines of a guide (path relative to the repository root). */
export function docRequests(doc: string): string[] {
  return readFileSync(new URL(doc, ROOT), 'utf8').split('\n').filter((l) => l.startsWith('GET /sandbox/fhir/R4/')).map((l) => l.slice(4).trim());
}

/** The paths of the README's `curl 'http://localhost:8080/sandbox/fhir/R4/…'` lines. */
export function readmeSandboxReads(): string[] {
  return [...readFileSync(new URL('README.md', ROOT), 'utf8').matchAll(/^curl '(http:\/\/localhost:8080(\/sandbox\/fhir\/R4\/[^']*))'$/gm)].map((m) => m[2]!);
}

/** The resources of a searchset Bundle whose `search.mode` is `mode`. */
export const entriesOf = (bundle: Loose, mode: 'match' | 'include'): Loose[] =>
  (bundle.entry ?? []).filter((e: Loose) => e.search.mode === mode).map((e: Loose) => e.resource);

/** Opens an app with the sandbox seeded (before the suite) and closed after; `get` expects 200 and parses. */
export function seededSandbox(open: OpenStore): { readonly get: (path: string, headers?: Record<string, string>) => Promise<Loose>; readonly app: () => TestApp } {
  let t: TestApp | undefined;
  before(async () => {
    t = await openTestApp(open);
    await seedSandbox(t.store, t.registry, 'sandbox');
  });
  after(() => t?.app.close());
  return {
    app: () => t!,
    get: async (path, headers) => {
      const res = await t!.app.inject({ url: path, ...(headers ? { headers } : {}) });
      assert.equal(res.statusCode, 200, `${path} → ${res.body.slice(0, 300)}`);
      return json(res);
    },
  };
}
