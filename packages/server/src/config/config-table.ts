/**
 * Every configuration key, as data: the parser, the start-up error messages and the README's
 * configuration table all come from this list (a test checks the README against it).
 */

export type ConfigKind =
  | 'port' | 'string' | 'url' | 'path' | 'paths' | 'secret' | 'count' | 'bytes' | 'megabytes' | 'log-level' | 'database-url'
  | 'package-registries' | 'boolean' | 'time-zone' | 'trust-proxy';

export interface ConfigKey {
  /** Environment variable name, also the key in the optional JSON file. */
  readonly name: string;
  readonly kind: ConfigKind;
  /** Default as written in the docs; undefined = unset by default. */
  readonly default: string | undefined;
  readonly description: string;
}

export const CONFIG_TABLE: readonly ConfigKey[] = Object.freeze([
  { name: 'PORT', kind: 'port', default: '8080', description: 'TCP port to listen on.' },
  { name: 'HOST', kind: 'string', default: '0.0.0.0', description: 'Interface to listen on.' },
  { name: 'PUBLIC_URL', kind: 'url', default: 'http://localhost:PORT', description: 'Public base URL as clients see it; FHIR bases are {PUBLIC_URL}/fhir/R4 and {PUBLIC_URL}/sandbox/fhir/R4.' },
  { name: 'DATABASE_URL', kind: 'database-url', default: undefined, description: 'postgres:// URL; unset → embedded SQLite at SQLITE_PATH.' },
  { name: 'SQLITE_PATH', kind: 'path', default: './data/payerport.sqlite', description: 'SQLite database file (when DATABASE_URL is unset).' },
  { name: 'FHIR_PACKAGES', kind: 'paths', default: undefined, description: 'Colon-separated directories holding FHIR IG packages (.tgz or unpacked).' },
  { name: 'FHIR_PACKAGE_CACHE', kind: 'path', default: '~/.fhir/packages', description: 'FHIR package cache directory.' },
  {
    name: 'FHIR_PACKAGE_REGISTRIES',
    kind: 'package-registries',
    default: 'https://packages.fhir.org npm:https://registry.npmjs.org',
    description: 'Registries a missing FHIR package is downloaded from, tried in order (space- or comma-separated): a URL is a FHIR package registry, npm:URL an npm registry; none = never download.',
  },
  { name: 'ADMIN_TOKEN', kind: 'secret', default: undefined, description: 'Bearer token allowed to write (create, update, delete, transaction); unset → the FHIR API is read-only.' },
  { name: 'DEFAULT_PAGE_SIZE', kind: 'count', default: '20', description: 'Search/history page size when _count is absent.' },
  { name: 'MAX_PAGE_SIZE', kind: 'count', default: '1000', description: 'Largest _count honoured (larger values are capped).' },
  { name: 'BODY_LIMIT', kind: 'bytes', default: '16777216', description: 'Largest request body in bytes (16 MiB); larger → 413.' },
  { name: 'DIRECTORY_FRESHNESS_DAYS', kind: 'count', default: '30', description: 'Days a directory change may take from its source to the API before `payerport report directory-freshness` lists it (the CMS 30-day rule).' },
  { name: 'READ_CACHE_MB', kind: 'megabytes', default: '16', description: 'Memory for recently read resources, and as much again for recent search results, on SQLite (0 turns both caches off); writes empty them, those of other processes within 0.1 s. Not used on PostgreSQL.' },
  { name: 'GRANT_LIFETIME_DAYS', kind: 'count', default: '396', description: 'Days a member\'s authorization of an app lasts (about 13 months); refresh tokens stop working after it. Token responses give the end as `grant_expires_at`.' },
  { name: 'PRODUCTION_DYNAMIC_REGISTRATION', kind: 'boolean', default: 'false', description: 'Open RFC 7591 dynamic client registration in production too (it is always on in the sandbox).' },
  { name: 'PLAN_NAME', kind: 'string', default: undefined, description: 'The health plan\'s name on the member pages (sign-in, consent, Connected apps); unset → "your health plan" in the page\'s language.' },
  { name: 'PLAN_TIME_ZONE', kind: 'time-zone', default: 'UTC', description: 'IANA time zone of the dates on the member pages (when access ends, last used), e.g. Pacific/Honolulu; the zone\'s abbreviation is always shown.' },
  { name: 'SIGNIN_RATE_LIMIT', kind: 'count', default: '20', description: 'Member sign-in attempts (authorization and Connected apps) one client address may make per SIGNIN_RATE_WINDOW_SECONDS; beyond it 429 with Retry-After. Per node; on top of the per-account lockout.' },
  { name: 'SIGNIN_RATE_WINDOW_SECONDS', kind: 'count', default: '300', description: 'Length of the fixed window SIGNIN_RATE_LIMIT counts in, in seconds.' },
  { name: 'TRUST_PROXY', kind: 'trust-proxy', default: 'false', description: 'Which X-Forwarded-For hops to believe for the client address (sign-in rate limit): false = the socket address; true = the leftmost forwarded address; a number = that many proxy hops; or comma-separated proxy addresses/CIDRs (Fastify trustProxy).' },
  { name: 'LOG_LEVEL', kind: 'log-level', default: 'info', description: 'pino level: fatal, error, warn, info, debug, trace, silent (debug logs every request).' },
] satisfies ConfigKey[]);

/** Points at an optional JSON file with the same keys; environment variables win over it. */
export const CONFIG_FILE_VARIABLE = 'PAYERPORT_CONFIG';
