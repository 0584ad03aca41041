/**
 * What every handler gets: the registry, the store, paging limits and the per-environment
 * state prepared at start-up (the cached CapabilityStatement text). Built once by createFhirApi.
 */
import type { Compartment, Registry, ResourceValidator, SearchAccess } from '@payerport/fhir';
import type { Store } from '@payerport/store';
import type { DataAccess } from './data-access.js';
import type { FhirRequest, FhirResponse } from './fhir-request.js';

/** Minimal logger shape (pino-compatible) for errors the API answers itself (batch entries). */
export interface ApiLogger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** OAuth endpoints of an environment, for the CapabilityStatement's SMART security section. */
export interface OAuthEndpoints {
  readonly authorize: string;
  readonly token: string;
  readonly revoke?: string;
  readonly introspect?: string;
  readonly register?: string;
}

export interface FhirApiOptions {
  readonly registry: Registry;
  readonly store: Store;
  /** Environments served, each with its absolute FHIR base URL and, where tokens are issued, its OAuth endpoints. */
  readonly environments: ReadonlyArray<{ readonly name: string; readonly baseUrl: string; readonly oauth?: OAuthEndpoints }>;
  /** `_count` when the client gives none. */
  readonly defaultCount: number;
  /** `_count` cap. */
  readonly maxCount: number;
  /** False when no admin credential is configured: every write is refused with 403. */
  readonly writesEnabled: boolean;
  /** Resource types served; defaults to every concrete type of the registry. */
  readonly resourceTypes?: readonly string[];
  /** Reported in the CapabilityStatement `software` element. */
  readonly software?: { readonly name: string; readonly version: string };
  readonly logger?: ApiLogger;
  /** Checks every written resource against its profiles (`meta.profile`, else the base definition); errors → 422. */
  readonly validator?: ResourceValidator;
  /**
   * Types anyone may read without a token; defaults to the types the Plan-Net and Formulary IGs
   * profile (access/public-types.ts). Every other type needs an access token.
   */
  readonly publicTypes?: readonly string[];
}

export interface ApiContext {
  readonly registry: Registry;
  readonly store: Store;
  readonly defaultCount: number;
  readonly maxCount: number;
  readonly writesEnabled: boolean;
  /** Served resource types, for O(1) validation of the URL type. */
  readonly types: ReadonlySet<string>;
  /** Cached CapabilityStatement text per environment name. */
  readonly capabilities: ReadonlyMap<string, string>;
  readonly logger: ApiLogger | undefined;
  readonly validator: ResourceValidator | undefined;
  /** Readable without a token (access/public-types.ts). */
  readonly publicTypes: ReadonlySet<string>;
  /** The Patient compartment a member's token confines reads to. */
  readonly compartment: Compartment;
  /** An anonymous caller's view, built once: public types only. */
  readonly publicView: SearchAccess;
}

/** Every interaction handler has this shape; the router picks one by interaction. */
export type Handler = (ctx: ApiContext, req: FhirRequest, data: DataAccess) => Promise<FhirResponse>;
