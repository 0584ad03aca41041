/**
 * Configuration: read once at start-up from the environment (+ an optional JSON file named by
 * PAYERPORT_CONFIG), validated, frozen, and passed explicitly to whatever needs it. Bad values
 * stop the start with a message naming the key.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { PackageRegistry } from '@payerport/fhir';
import { CONFIG_FILE_VARIABLE, CONFIG_TABLE, type ConfigKey } from './config-table.js';
import { ConfigError, parseValue } from './config-values.js';

export { ConfigError };

export interface Config {
  readonly port: number;
  readonly host: string;
  /** No trailing slash. */
  readonly publicUrl: string;
  readonly databaseUrl: string | undefined;
  readonly sqlitePath: string;
  readonly fhirPackages: readonly string[];
  readonly fhirPackageCache: string;
  /** Where missing FHIR packages are downloaded from, in order; empty = never download. */
  readonly fhirPackageRegistries: readonly PackageRegistry[];
  readonly adminToken: string | undefined;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  readonly bodyLimit: number;
  /** The limit of the directory freshness report, in days. */
  readonly directoryFreshnessDays: number;
  /** Bytes of the store's read cache (SQLite); 0 = off. */
  readonly readCacheBytes: number;
  readonly logLevel: string;
  /** How long a member's authorization of an app lasts. */
  readonly grantLifetimeDays: number;
  /** Dynamic client registration in production (always on in the sandbox). */
  readonly productionDynamicRegistration: boolean;
  /** The plan's name and IANA time zone on the member pages (no name → "your health plan"). */
  readonly planName: string | undefined;
  readonly planTimeZone: string;
  /** Member sign-in attempts allowed per client address per window. */
  readonly signInRateLimit: { readonly attempts: number; readonly windowSeconds: number };
  /** Fastify `trustProxy`: which forwarded client addresses to believe (false = the socket's). */
  readonly trustProxy: boolean | number | readonly string[];
}

type Source = Readonly<Record<string, string | undefined>>;

/** Parses `env` (default `process.env`) into a frozen Config; throws ConfigError listing every problem. */
export function loadConfig(env: Source = process.env): Config {
  const file = readConfigFile(env[CONFIG_FILE_VARIABLE]);
  const problems: string[] = [];
  const raw = (key: ConfigKey): string | undefined => {
    const v = env[key.name] ?? file[key.name];
    return v === undefined || v === '' ? undefined : v;
  };
  const values = new Map<string, unknown>();
  for (const key of CONFIG_TABLE) {
    try {
      const given = raw(key);
      const text = given ?? (key.name === 'PUBLIC_URL' ? undefined : key.default);
      values.set(key.name, text === undefined ? undefined : parseValue(key, text));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const get = <T>(name: string): T => values.get(name) as T;
  const port = get<number>('PORT');
  const defaultPageSize = get<number>('DEFAULT_PAGE_SIZE');
  const maxPageSize = get<number>('MAX_PAGE_SIZE');
  if (defaultPageSize !== undefined && maxPageSize !== undefined && defaultPageSize > maxPageSize) {
    problems.push(`DEFAULT_PAGE_SIZE (${defaultPageSize}) must not exceed MAX_PAGE_SIZE (${maxPageSize})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = get<string | undefined>('PUBLIC_URL') ?? `http://localhost:${port}`;
  return Object.freeze({
    port,
    host: get<string>('HOST'),
    publicUrl,
    databaseUrl: get<string | undefined>('DATABASE_URL'),
    sqlitePath: get<string>('SQLITE_PATH'),
    fhirPackages: Object.freeze(get<string[] | undefined>('FHIR_PACKAGES') ?? []),
    fhirPackageCache: expandHome(get<string>('FHIR_PACKAGE_CACHE')),
    fhirPackageRegistries: get<readonly PackageRegistry[]>('FHIR_PACKAGE_REGISTRIES'),
    adminToken: get<string | undefined>('ADMIN_TOKEN'),
    defaultPageSize,
    maxPageSize,
    bodyLimit: get<number>('BODY_LIMIT'),
    directoryFreshnessDays: get<number>('DIRECTORY_FRESHNESS_DAYS'),
    readCacheBytes: get<number>('READ_CACHE_MB') * 1024 * 1024,
    logLevel: get<string>('LOG_LEVEL'),
    grantLifetimeDays: get<number>('GRANT_LIFETIME_DAYS'),
    productionDynamicRegistration: get<boolean>('PRODUCTION_DYNAMIC_REGISTRATION'),
    planName: get<string | undefined>('PLAN_NAME'),
    planTimeZone: get<string>('PLAN_TIME_ZONE'),
    signInRateLimit: Object.freeze({ attempts: get<number>('SIGNIN_RATE_LIMIT'), windowSeconds: get<number>('SIGNIN_RATE_WINDOW_SECONDS') }),
    trustProxy: frozen(get<boolean | number | string[]>('TRUST_PROXY')),
  });
}

function readConfigFile(path: string | undefined): Source {
  if (path === undefined || path === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${CONFIG_FILE_VARIABLE}=${path}: cannot read a JSON object (${(error as Error).message})`]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError([`${CONFIG_FILE_VARIABLE}=${path}: must hold a JSON object`]);
  const known = new Set(CONFIG_TABLE.map((k) => k.name));
  const out: Record<string, string> = {};
  const problems: string[] = [];
  for (const [k, v] of Object.entries(parsed)) {
    if (!known.has(k)) problems.push(`${path}: unknown key ${k} (known: ${[...known].join(', ')})`);
    else if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    else if (Array.isArray(v) && k === 'FHIR_PACKAGES' && v.every((x) => typeof x === 'string')) out[k] = v.join(':');
    else if (Array.isArray(v) && k === 'FHIR_PACKAGE_REGISTRIES' && v.every((x) => typeof x === 'string')) out[k] = v.join(' ');
    else problems.push(`${path}: ${k} must be a string or number`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}

function frozen<T>(value: T): T {
  return Array.isArray(value) ? Object.freeze(value) as T : value;
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
}
