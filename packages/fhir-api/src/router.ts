/**
 * The FHIR API as one function: FhirRequest in, FhirResponse out. The HTTP adapter calls
 * `handle`; errors are thrown as FhirError for the adapter's single error handler.
 */
import { notFound, patientCompartment } from '@payerport/fhir';
import { publicTypesOf } from './access/public-types.js';
import { publicView } from './access/type-view.js';
import type { ApiContext, FhirApiOptions } from './model/api-context.js';
import { storeAccess, type DataAccess } from './model/data-access.js';
import type { FhirRequest, FhirResponse } from './model/fhir-request.js';
import { buildCapabilityStatement } from './capability/capability-statement.js';
import { batchOrTransaction } from './handlers/batch-or-transaction.js';
import { dispatch } from './handlers/dispatch.js';
import { prettyBody, wantsPretty } from './http/pretty.js';

export interface FhirApi {
  /** Answers one request. Throws FhirError for every client error. */
  handle(req: FhirRequest): Promise<FhirResponse>;
  /** The cached CapabilityStatement text of an environment. */
  capabilityStatement(env: string): string | undefined;
  /** Resource types served. */
  readonly resourceTypes: readonly string[];
  /** The types anyone may read (directory and formulary); the rest need a token. */
  readonly publicTypes: ReadonlySet<string>;
}

/** Builds the API: per-environment state (store view, CapabilityStatement text) is prepared here, once. */
export function createFhirApi(options: FhirApiOptions): FhirApi {
  const types = options.resourceTypes ?? options.registry.resourceTypes();
  const capabilities = new Map<string, string>();
  const access = new Map<string, DataAccess>();
  for (const env of options.environments) {
    const cs = buildCapabilityStatement(options.registry, { baseUrl: env.baseUrl, resourceTypes: types, writesEnabled: options.writesEnabled, software: options.software, oauth: env.oauth });
    capabilities.set(env.name, JSON.stringify(cs));
    access.set(env.name, storeAccess(options.store, env.name));
  }
  const publicTypes = new Set(options.publicTypes ?? publicTypesOf(options.registry));
  const compartment = patientCompartment(options.registry);
  const ctx: ApiContext = {
    registry: options.registry,
    store: options.store,
    defaultCount: options.defaultCount,
    maxCount: options.maxCount,
    writesEnabled: options.writesEnabled,
    types: new Set(types),
    capabilities,
    logger: options.logger,
    validator: options.validator,
    publicTypes,
    compartment,
    publicView: publicView({ registry: options.registry, publicTypes, compartment }),
  };
  return {
    resourceTypes: types,
    publicTypes,
    capabilityStatement: (env) => capabilities.get(env),
    async handle(req) {
      const data = access.get(req.env);
      if (data === undefined) throw notFound(`Unknown environment ${req.env}`);
      const res = req.interaction === 'batch-or-transaction' ? await batchOrTransaction(ctx, req, data) : await dispatch(ctx, req, data);
      return wantsPretty(req.query) ? prettyBody(res) : res;
    },
  };
}

