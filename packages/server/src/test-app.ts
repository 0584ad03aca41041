/**
 * Test harness: the real registry (loaded once per process from FHIR_PACKAGES, default
 * ../shared/fhir-packages, never downloading), a real store of the dialect under test, and
 * the Fastify app built around them, exercised through `inject()` (no sockets).
 */
import type { FastifyInstance } from 'fastify';
import { createIndexer, indexedParams, type Registry } from '@payerport/fhir';
import { testPackageDirs, testRegistry } from '@payerport/fhir/testing';
import type { SqlStore } from '@payerport/store';
import { pino } from 'pino';
import type { OpenStore } from '@payerport/store/testing';
import type { ClientRegistry, MemberAccounts, TokenCheck } from '@payerport/auth';
import type { AccessResolver } from '@payerport/fhir-api';
import { buildApp } from './app/build-app.js';
import { ENVIRONMENTS, environmentBases } from './app/environments.js';
import { loadConfig, type Config } from './config/config.js';
import { createAuditLog, type AuditLog } from './runtime/audit-log.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PUBLIC_URL = 'http://payer.test';
export const SANDBOX = `${PUBLIC_URL}/sandbox/fhir/R4`;
export const PRODUCTION = `${PUBLIC_URL}/fhir/R4`;

/** The registry, loaded once per test process (shared with every package's tests). */
export { testRegistry };

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ PUBLIC_URL, ADMIN_TOKEN, LOG_LEVEL: 'silent', FHIR_PACKAGES: testPackageDirs().join(':'), ...overrides });
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: SqlStore;
  /** The audit trail the app writes (flush before reading it back). */
  readonly audit: AuditLog;
  readonly registry: Registry;
  readonly config: Config;
  readonly members: MemberAccounts;
  readonly clients: ClientRegistry;
  readonly verifyToken: (env: string, token: string | undefined) => Promise<TokenCheck>;
  /** The same app, as `App` (for helpers that take one). */
  readonly fastify: FastifyInstance;
}

/**
 * Builds the app over a fresh store from `open`; `config` overrides go through loadConfig.
 * `resolveAccess` stands in for the auth server's token resolver (see test-access.ts).
 */
export async function openTestApp(open: OpenStore, overrides: Record<string, string> = {}, resolveAccess?: AccessResolver): Promise<TestApp> {
  const config = testConfig(overrides);
  const reg = await testRegistry();
  const indexer = createIndexer(reg, reg.resourceTypes(), { baseUrls: environmentBases(config.publicUrl).map((e) => e.baseUrl) });
  const store = await open({ indexer, paramTypes: indexedParams(reg) });
  for (const env of ENVIRONMENTS) await store.ensureEnvironment(env.name);
  const audit = createAuditLog(store.audit, { error: () => undefined });
  const built = await buildApp({ config, registry: reg, store, logger: pino({ level: 'silent' }), version: 'test', audit: audit.record, ...(resolveAccess ? { resolveAccess } : {}) });
  await built.fastify.ready();
  return { app: built.fastify, fastify: built.fastify, store, audit, registry: reg, config, members: built.members, clients: built.clients, verifyToken: built.verifyToken };
}

/** The admin credential header. */
export const ADMIN = Object.freeze({ authorization: `Bearer ${ADMIN_TOKEN}` });
/** JSON request headers, as admin. */
export const ADMIN_JSON = Object.freeze({ ...ADMIN, 'content-type': 'application/fhir+json' });

/** Loosely typed JSON for assertions on response bodies (tests only). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** Parses a response body as JSON (an assertion failure names the body when it is not JSON). */
export function json(res: { body: string }): Loose {
  try {
    return JSON.parse(res.body) as Loose;
  } catch {
    throw new Error(`response is not JSON: ${res.body.slice(0, 200)}`);
  }
}

/** POSTs/PUTs a resource as admin below `base` ('/fhir/R4' or '/sandbox/fhir/R4'); returns the response. */
export function write(app: FastifyInstance, method: 'POST' | 'PUT', path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method, url: path, headers: { ...ADMIN_JSON, ...headers }, payload: JSON.stringify(body) });
}

/** Creates a resource in production and returns it as stored. */
export async function created(app: FastifyInstance, resource: Record<string, unknown>, base = '/fhir/R4'): Promise<Loose> {
  const res = await write(app, 'POST', `${base}/${String(resource.resourceType)}`, resource);
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return json(res);
}
