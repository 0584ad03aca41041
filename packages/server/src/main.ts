#!/usr/bin/env node
/**
 * The `payerport` command line: serve (default), migrate, reindex, load, seed, import, report, clients. Configuration is
 * read once here and passed down; exit codes: 0 ok, 1 failure, 2 bad command line/configuration.
 */
import { readFileSync } from 'node:fs';
import { PackageNotFoundError } from '@payerport/fhir';
import { USAGE, UsageError, parseArgv, type Command } from './cli/argv.js';
import { clientsCommand, importCommand, keysCommand, loadCommand, migrateCommand, reindexCommand, reportCommand, seedCommand } from './cli/data-commands.js';
import { ConfigError, loadConfig } from './config/config.js';
import { LoadError } from './load/load-file.js';
import { createLogger } from './runtime/logger.js';

const print = (line: string): void => void process.stdout.write(line + '\n');
const fail = (message: string, code: number): never => {
  process.stderr.write(message + '\n');
  process.exit(code);
};

function version(): string {
  // src/main.ts and dist/main.js both sit one level below the package folder.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgv(argv);
  const command = args.command as Command;
  if (command === 'help' || args.flags.help) return print(USAGE);
  const config = loadConfig();
  const logger = createLogger(config);
  const env = typeof args.flags.env === 'string' ? args.flags.env : undefined;
  switch (command) {
    // Loaded only when used: the authorization server (oidc-provider) is not needed by data commands.
    case 'serve': return (await import('./cli/serve.js')).serve(config, logger, version());
    case 'migrate': return migrateCommand(config, logger, print);
    case 'reindex': return reindexCommand(config, logger, print, env);
    case 'seed': return seedCommand(config, logger, print, env ?? 'sandbox');
    case 'load': return loadCommand(config, logger, print, args.positionals[0], env);
    case 'import': process.exitCode = await importCommand(config, logger, print, args); return;
    case 'report': process.exitCode = await reportCommand(config, logger, print, args); return;
    case 'clients': process.exitCode = await clientsCommand(config, logger, print, args); return;
    case 'keys': process.exitCode = await keysCommand(config, logger, print, args); return;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) return fail(`${error.message}\n\n${USAGE}`, 2);
  if (error instanceof ConfigError) return fail(error.message, 2);
  if (error instanceof LoadError || error instanceof PackageNotFoundError) return fail(error.message, 1);
  if (error instanceof Error && error.message.startsWith('Unknown environment')) return fail(error.message, 2);
  // System errors (ENOENT, ECONNREFUSED...) say enough in their message; anything else is a bug worth its stack.
  const systemError = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
  return fail(`payerport: ${error instanceof Error ? (systemError ? error.message : (error.stack ?? error.message)) : String(error)}`, 1);
});
