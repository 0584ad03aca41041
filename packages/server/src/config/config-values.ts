/** Parsing and validation of one configuration value by its kind. */
import { isIP } from 'node:net';
import { parsePackageRegistries } from '@payerport/fhir';
import type { ConfigKey } from './config-table.js';

/** Start-up configuration failure: every problem found, one per line. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Parses `text` as `key` says, or throws an Error whose message names the key and the rule. */
export function parseValue(key: ConfigKey, text: string): unknown {
  const fail = (rule: string): never => {
    throw new Error(`${key.name}=${key.kind === 'secret' || key.kind === 'database-url' ? '<hidden>' : JSON.stringify(text)}: ${rule}`);
  };
  switch (key.kind) {
    case 'port': {
      const n = integer(text);
      return n !== undefined && n >= 0 && n <= 65535 ? n : fail('must be a port number 0-65535');
    }
    case 'count': {
      const n = integer(text);
      return n !== undefined && n >= 1 && n <= 100_000 ? n : fail('must be a whole number from 1 to 100000');
    }
    case 'bytes': {
      const n = integer(text);
      return n !== undefined && n >= 1024 && n <= 1024 ** 3 ? n : fail('must be a whole number of bytes from 1024 to 1073741824');
    }
    case 'megabytes': {
      const n = integer(text);
      return n !== undefined && n >= 0 && n <= 4096 ? n : fail('must be a whole number of megabytes from 0 to 4096');
    }
    case 'url': {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return fail('must be an absolute http(s) URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('must be an http or https URL');
      if (url.search !== '' || url.hash !== '') fail('must not have a query or fragment');
      return text.replace(/\/+$/, '');
    }
    case 'database-url':
      return /^postgres(ql)?:\/\/.+/.test(text) ? text : fail('must be a postgres:// or postgresql:// URL');
    case 'log-level':
      return LOG_LEVELS.has(text) ? text : fail(`must be one of ${[...LOG_LEVELS].join(', ')}`);
    case 'paths':
      return text.split(':').filter((p) => p !== '');
    case 'package-registries':
      try {
        return Object.freeze(parsePackageRegistries(text));
      } catch (error) {
        return fail((error as Error).message);
      }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : fail('must be true or false');
    case 'time-zone':
      return isTimeZone(text) ? text : fail('must be an IANA time zone such as UTC or Pacific/Honolulu');
    case 'trust-proxy':
      return trustProxy(text) ?? fail('must be true, false, a number of proxy hops, or comma-separated proxy addresses or CIDR ranges');
    case 'secret':
      return text.length >= 16 ? text : fail('must be at least 16 characters');
    case 'path':
    case 'string':
      return text;
  }
}

function isTimeZone(text: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

/** Fastify's `trustProxy` forms (proxy-addr): boolean, hop count, or addresses, CIDRs and its named ranges. */
function trustProxy(text: string): boolean | number | string[] | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  const hops = integer(text);
  if (hops !== undefined) return hops;
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const valid = (part: string): boolean => {
    if (PROXY_RANGES.has(part)) return true;
    const [address = '', bits, ...more] = part.split('/');
    const family = isIP(address);
    if (family === 0 || more.length > 0) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  return parts.length > 0 && parts.every(valid) ? parts : undefined;
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function integer(text: string): number | undefined {
  return /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
