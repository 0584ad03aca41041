/** Parsing and validation of one configuration value by its kind. */
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
    case 'secret':
      return text.length >= 16 ? text : fail('must be at least 16 characters');
    case 'path':
    case 'string':
      return text;
  }
}

function integer(text: string): number | undefined {
  return /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
