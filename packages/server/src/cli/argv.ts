/**
 * A tiny argv parser: `payerport [command] [positionals] [--flag value | --flag=value | --switch]`.
 * Enough for a handful of commands; no dependency.
 */

export interface ParsedArgs {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

export const COMMANDS = ['serve', 'migrate', 'reindex', 'load', 'seed', 'import', 'report', 'clients', 'keys', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

// Flags that take a value; any other `--x` is a switch.
const VALUED = new Set(['env', 'limit-days', 'source', 'drugs', 'year', 'name', 'redirect-uris', 'auth-method', 'grant-types', 'scope', 'jwks-file', 'logo-uri', 'policy-uri', 'tos-uri']);

export function parseArgv(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) flags[name] = arg.slice(eq + 1);
      else if (VALUED.has(name)) {
        const value = argv[++i];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
        flags[name] = value;
      } else flags[name] = true;
    } else if (arg === '-h') {
      flags.help = true;
    } else {
      positionals.push(arg);
    }
  }
  const command = positionals.shift() ?? (flags.help ? 'help' : 'serve');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Unknown command ${command}`);
  return { command, positionals, flags };
}

/** Wrong command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: payerport [command] [options]

Commands:
  serve                          Start the server (default). Seeds an empty sandbox with the IG examples.
  migrate                        Create or upgrade the database schema, then exit.
  reindex [--env NAME]           Rebuild search index rows (all environments unless --env).
  load FILE --env NAME           Load FHIR NDJSON (.ndjson) or a Bundle (.json): all or nothing.
  seed [--env NAME]              Load the IG example resources (default env: sandbox).
  import roster FILE --env NAME [--full] [--strict] [--source NAME]
                                 Import a provider roster: CSV (docs/roster-import.md), FHIR
                                 NDJSON or a Bundle. Re-importing changes nothing; --full
                                 end-dates roles the file no longer lists; --strict writes
                                 nothing if any row is rejected.
  import formulary FILE --drugs DRUGS.csv --env NAME [--strict]
                                 Import a formulary: CMS-style CSV plus drug names
                                 (docs/formulary-import.md), or FHIR NDJSON / a Bundle. A new
                                 FORMULARY_VERSION replaces the old one in one transaction.
  report directory-freshness --env NAME [--limit-days N] [--json]
                                 List directory resources that reached the API more than N days
                                 (default DIRECTORY_FRESHNESS_DAYS, 30) after their source changed.
  report patient-access-metrics --year YYYY [--env NAME] [--json]
                                 The CMS-0057-F Patient Access figures for a calendar year: unique
                                 patients whose data went to an app they chose, and those served
                                 on more than one day (default env: production).
  keys rotate --env NAME         New signing key for the environment's authorization server
                                 (earlier ones stay in the JWKS, retired); restart to use it.
  clients create|list|update|rotate-secret|disable|enable [CLIENT_ID] --env NAME
          [--name TEXT] [--redirect-uris URL,URL] [--auth-method none|client_secret_basic|
          client_secret_post|private_key_jwt] [--grant-types a,b] [--jwks-file FILE] [--json]
          [--logo-uri URL] [--policy-uri URL] [--tos-uri URL] [--privacy-policy-attested[=false]]
                                 Manage the apps registered in an environment. A new or
                                 rotated client secret is printed once (only its hash is kept).
                                 The privacy-policy attestation is shown to members at consent
                                 (information only: it never blocks access).
  help                           Show this text.

Environments: sandbox, production. Configuration comes from environment variables
(see README.md "Configuration") and the optional JSON file named by PAYERPORT_CONFIG.`;
