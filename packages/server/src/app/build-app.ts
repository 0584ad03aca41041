/**
 * Builds the Fastify application (not listening): parsers, CORS, compression, the error and
 * not-found handlers, and the FHIR API of every environment. Everything it needs is passed in.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createValidator, patientCompartment, type Registry } from '@payerport/fhir';
import type { AuditEvent, MemberStore, Store } from '@payerport/store';
import { createFhirApi, publicTypesOf, type AccessResolver, type FhirApi } from '@payerport/fhir-api';
import { createClientRegistry, createMemberAccounts, createTokenVerifier, type AuthServer, type ClientRegistry, type MemberAccounts, type TokenCheck } from '@payerport/auth';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { adminChecker } from '../http/admin-auth.js';
import { registerAdminClientRoutes } from '../http/admin-clients.js';
import { registerAuthRoutes } from '../http/auth-routes.js';
import { registerContentParsers } from '../http/content-parsers.js';
import { registerPreflight } from '../http/cors.js';
import { registerErrorHandler } from '../http/error-handler.js';
import { registerFhirRoutes } from '../http/fhir-routes.js';
import { registerNotFound } from '../http/not-found.js';
import { parseQueryPairs } from '../http/query-pairs.js';
import { registerTestMembers } from '../http/sandbox-members-route.js';
import { createAuthServers } from './auth-servers.js';
import { environmentBases, publicPath } from './environments.js';
import { tokenAccessResolver, withoutReasons } from '../http/token-access.js';
import { signInGate } from '../http/sign-in-limit.js';

export interface AppDeps {
  readonly config: Config;
  readonly registry: Registry;
  readonly store: Store;
  readonly logger: Logger;
  readonly version?: string;
  /** Where the audit trail goes (token issuance, FHIR requests with a token); none: not recorded. */
  readonly audit?: ((event: AuditEvent) => void) | undefined;
  /** Member accounts for sign-in (default: the store's member accounts). */
  readonly members?: MemberAccounts;
  /**
   * Resolves bearer access tokens (other than the admin token) to an access context; default: the
   * environments' own authorization servers (tests give their own).
   */
  readonly resolveAccess?: AccessResolver;
}

export interface App {
  readonly fastify: FastifyInstance;
  readonly api: FhirApi;
  /** The authorization server of each environment. */
  readonly auth: readonly AuthServer[];
  readonly members: MemberAccounts;
  readonly clients: ClientRegistry;
  /** Resolves a FHIR request's bearer token for an environment (the FHIR layer's access context). */
  readonly verifyToken: (env: string, token: string | undefined) => Promise<TokenCheck>;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const envs = environmentBases(config.publicUrl);
  // The SQL store carries the member tables (`members`); the Store interface does not name them.
  const members = deps.members ?? createMemberAccounts(deps.store as Store & { readonly members: MemberStore });
  const publicTypes = publicTypesOf(deps.registry);
  // Protected types a patient's compartment holds: what a member's consent can be about.
  const compartment = patientCompartment(deps.registry);
  const memberDataTypes = deps.registry.resourceTypes().filter((type) => compartment.params(type) !== undefined && !publicTypes.includes(type));
  const auth = await createAuthServers(config, deps.store, members, envs, memberDataTypes, deps.audit);
  const api = createFhirApi({
    registry: deps.registry,
    store: deps.store,
    environments: envs.map((env, i) => ({ name: env.name, baseUrl: env.baseUrl, oauth: auth[i]!.uris })),
    defaultCount: config.defaultPageSize,
    maxCount: config.maxPageSize,
    writesEnabled: config.adminToken !== undefined,
    publicTypes,
    // Admin writes are checked against their profiles; profiles compile on first use.
    validator: createValidator(deps.registry),
    software: { name: 'payerport', version: deps.version ?? '0.0.0' },
    logger,
  });
  // Per-request log lines are there at debug level. Otherwise Fastify gets no logger at all: even
  // with request logging disabled, handing it one cost ~15 % of read throughput; the error
  // handler and the CLI log through `logger` themselves.
  const requestLogging = logger.isLevelEnabled('debug');
  const fastify = Fastify({
    ...(requestLogging ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: config.bodyLimit,
    return503OnClosing: true,
    // request.ip: the socket's address unless TRUST_PROXY names proxies to believe (decision 0019).
    trustProxy: trustProxyOption(config.trustProxy),
    // Pairs, not an object: see query-pairs.ts. Fastify's type insists on an object.
    routerOptions: { querystringParser: parseQueryPairs as unknown as (s: string) => Record<string, unknown> },
  });
  registerContentParsers(fastify, config.bodyLimit);
  registerPreflight(fastify);
  registerErrorHandler(fastify, logger);
  registerNotFound(fastify);
  const isAdmin = adminChecker(config.adminToken);
  // The test members' sign-ins exist only where a sandbox is served; production has none to list.
  if (envs.some((e) => e.name === 'sandbox')) registerTestMembers(fastify, publicPath(config.publicUrl));
  const verifyToken = createTokenVerifier(auth);
  const resolveAccess = deps.resolveAccess !== undefined ? withoutReasons(deps.resolveAccess) : tokenAccessResolver(verifyToken);
  for (const env of envs) registerFhirRoutes(fastify, api, env, { isAdmin, resolveAccess, audit: deps.audit });
  // One count per address across environments: a sandbox sign-in page is as good a guessing ground.
  const signIn = signInGate({ ...config.signInRateLimit, planName: config.planName, timeZone: config.planTimeZone });
  for (const [i, env] of envs.entries()) await registerAuthRoutes(fastify, auth[i]!, env, signIn);
  const clients = createClientRegistry(deps.store);
  registerAdminClientRoutes(fastify, clients, envs.map((e) => e.name), isAdmin);
  return { fastify, api, auth, members, clients, verifyToken };
}

/** Fastify's trustProxy; a hop count as proxy-addr reads one (Fastify's types omit the number form). */
function trustProxyOption(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return typeof setting === 'boolean' ? setting : [...setting];
}
