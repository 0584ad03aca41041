/**
 * The server's CapabilityStatement, generated from the registry so that /metadata lists exactly
 * what runs: indexed search parameters, include paths, IG profiles, the IG server statements
 * instantiated. Built once per environment at start-up. https://hl7.org/fhir/R4/capabilitystatement.html
 */
import type { Registry } from '@payerport/fhir';
import type { OAuthEndpoints } from '../model/api-context.js';
import { indexedSearchParams } from './indexed-params.js';
import { revIncludeIndex, searchIncludes } from './search-links.js';

export interface CapabilityOptions {
  readonly baseUrl: string;
  readonly resourceTypes: readonly string[];
  /** Whether create/update/delete are offered (an admin credential is configured). */
  readonly writesEnabled: boolean;
  readonly software?: { readonly name: string; readonly version: string } | undefined;
  /** The environment's OAuth endpoints: the statement then declares SMART-on-FHIR security. */
  readonly oauth?: OAuthEndpoints | undefined;
  /** Fixed for reproducible output in tests; defaults to now. */
  readonly date?: string;
}

// Result parameters the search handler honours — https://hl7.org/fhir/R4/search.html#return
const RESULT_PARAMS = [
  { name: '_count', type: 'number', documentation: 'Page size (capped by the server maximum)' },
  { name: '_sort', type: 'string', documentation: 'Sort order: comma-separated parameter names, - for descending' },
  { name: '_include', type: 'special', documentation: 'Include resources referenced by the matches (Type:param[:target])' },
  { name: '_revinclude', type: 'special', documentation: 'Include resources that reference the matches (Type:param[:target])' },
  { name: '_summary', type: 'token', documentation: 'true | text | data | count | false' },
  { name: '_elements', type: 'string', documentation: 'Comma-separated top-level elements to return' },
  { name: '_total', type: 'token', documentation: 'none | estimate | accurate' },
] as const;

/** CapabilityStatement (kind instance) for one environment. */
export function buildCapabilityStatement(registry: Registry, options: CapabilityOptions): Record<string, unknown> {
  const revIncludes = revIncludeIndex(registry, options.resourceTypes);
  const resource = options.resourceTypes.map((type) => resourceEntry(registry, type, options.writesEnabled, revIncludes.get(type) ?? []));
  // Versioned canonicals: US Core 3.1.1 and 6.1.0 share the statement and guide URLs.
  const instantiates = registry.capabilityStatements()
    .filter((cs) => isServerStatement(cs.resource))
    .map((cs) => versioned(cs.url, cs.resource.version));
  // The core package is the FHIR specification itself, not an implementation guide.
  const guides = registry.packages().filter((p) => p.id !== 'hl7.fhir.r4.core').filter((p) => p.igUrl !== undefined).map((p) => versioned(p.igUrl!, p.version));
  const software = options.software ?? { name: 'payerport', version: '0.0.0' };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date ?? new Date().toISOString(),
    publisher: 'payerport',
    kind: 'instance',
    ...(instantiates.length > 0 ? { instantiates: [...new Set(instantiates)] } : {}),
    software: { name: software.name, version: software.version },
    implementation: { description: `payerport FHIR R4 server`, url: options.baseUrl },
    fhirVersion: registry.fhirVersion,
    format: ['json'],
    patchFormat: [],
    ...(guides.length > 0 ? { implementationGuide: [...new Set(guides)] } : {}),
    rest: [{
      mode: 'server',
      security: security(options),
      resource,
      interaction: [
        ...(options.writesEnabled ? [{ code: 'transaction' }] : []),
        { code: 'batch' },
        { code: 'history-system' },
      ],
    }],
  };
}

/**
 * `rest.security`: with OAuth endpoints, the SMART-on-FHIR service and the oauth-uris extension
 * (https://hl7.org/fhir/smart-app-launch/STU2/conformance.html#using-cors — also in smart-configuration).
 */
function security(options: CapabilityOptions): Record<string, unknown> {
  const writes = options.writesEnabled ? ' Writes need the administrator bearer token.' : '';
  const oauth = options.oauth;
  if (oauth === undefined) {
    return { cors: true, description: options.writesEnabled ? 'Reads are public. Writes need the administrator bearer token.' : 'Read-only server.' };
  }
  const named: [string, string | undefined][] = [['authorize', oauth.authorize], ['token', oauth.token], ['revoke', oauth.revoke], ['introspect', oauth.introspect], ['register', oauth.register]];
  const uris = named.filter(([, uri]) => uri !== undefined).map(([url, valueUri]) => ({ url, valueUri }));
  return {
    extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris', extension: uris }],
    cors: true,
    service: [{
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
      text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)',
    }],
    description: `Patient data needs a SMART App Launch access token; the Provider Directory and Formulary are public.${writes}`,
  };
}

function resourceEntry(registry: Registry, type: string, writes: boolean, revIncludes: string[]): Record<string, unknown> {
  const reads = ['read', 'vread', 'search-type', 'history-instance', 'history-type'];
  const interactions = writes ? [...reads, 'create', 'update', 'delete'] : reads;
  const profiles = registry.profiles(type).map((p) => (p.version ? `${p.url}|${p.version}` : p.url));
  const searchParam = indexedSearchParams(registry, type).map((p) => ({
    name: p.code,
    definition: p.url,
    type: p.type,
    ...(p.description ? { documentation: p.description } : {}),
  }));
  const includes = searchIncludes(registry, type);
  return {
    type,
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    ...(profiles.length > 0 ? { supportedProfile: [...new Set(profiles)] } : {}),
    interaction: interactions.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: writes,
    conditionalCreate: writes,
    conditionalUpdate: writes,
    conditionalDelete: 'not-supported',
    ...(includes.length > 0 ? { searchInclude: includes } : {}),
    ...(revIncludes.length > 0 ? { searchRevInclude: revIncludes } : {}),
    searchParam: [...searchParam, ...RESULT_PARAMS.map((p) => ({ ...p }))],
  };
}

function versioned(url: string, version: unknown): string {
  return typeof version === 'string' && version !== '' ? `${url}|${version}` : url;
}

function isServerStatement(cs: Record<string, unknown>): boolean {
  const rest = cs.rest;
  return Array.isArray(rest) && rest.some((r) => (r as { mode?: unknown }).mode === 'server');
}
