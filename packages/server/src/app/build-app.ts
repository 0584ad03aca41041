/**
 * Builds the Fastify application (not listening): parsers, CORS, compression, the error and
 * not-found handlers, and the FHIR API of every environment. Everything it needs is passed in.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createValidator, type Registry } from '@payerport/fhir';
import type { Store } from '@payerport/store';
import { createFhirApi, type AccessResolver, type FhirApi } from '@payerport/fhir-api';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { adminChecker } from '../http/admin-auth.js';
import { registerContentParsers } from '../http/content-parsers.js';
import { registerPreflight } from '../http/cors.js';
import { registerErrorHandler } from '../http/error-handler.js';
import { registerFhirRoutes } from '../http/fhir-routes.js';
import { registerNotFound } from '../http/not-found.js';
import { parseQueryPairs } from '../http/query-pairs.js';
import { environmentBases } from './environments.js';

export interface AppDeps {
  readonly config: Config;
  readonly registry: Registry;
  readonly store: Store;
  readonly logger: Logger;
  readonly version?: string;
  /**
   * Resolves bearer access tokens (other than the admin token) to an access context; supplied by
   * the auth server. Absent: protected types (everything but the directory and formulary) answer 401.
   */
  readonly resolveAccess?: AccessResolver;
}

export interface App {
  readonly fastify: FastifyInstance;
  readonly api: FhirApi;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const envs = environmentBases(config.publicUrl);
  const api = createFhirApi({
    registry: deps.registry,
    store: deps.store,
    environments: envs,
    defaultCount: config.defaultPageSize,
    maxCount: config.maxPageSize,
    writesEnabled: config.adminToken !== undefined,
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
    // Pairs, not an object: see query-pairs.ts. Fastify's type insists on an object.
    routerOptions: { querystringParser: parseQueryPairs as unknown as (s: string) => Record<string, unknown> },
  });
  registerContentParsers(fastify, config.bodyLimit);
  registerPreflight(fastify);
  registerErrorHandler(fastify, logger);
  registerNotFound(fastify);
  const isAdmin = adminChecker(config.adminToken);
  for (const env of envs) registerFhirRoutes(fastify, api, env, isAdmin, deps.resolveAccess);
  return { fastify, api };
}
