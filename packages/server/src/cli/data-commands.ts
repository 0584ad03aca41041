/** `migrate`, `reindex`, `seed`, `load`, `import` and `report`: open the runtime, do one thing, close, report. */
import { profileValidation } from '@payerport/data';
import { createValidator } from '@payerport/fhir';
import { createFhirApi } from '@payerport/fhir-api';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { environmentBases, environmentNamed } from '../app/environments.js';
import { loadFile } from '../load/load-file.js';
import { openRuntime, type Runtime } from '../runtime/open-runtime.js';
import { seedSandbox } from '../runtime/seed-sandbox.js';
import { UsageError, type ParsedArgs } from './argv.js';
import { importFormularyArgs, runImportFormulary } from './import-formulary.js';
import { importRosterArgs, runImportRoster } from './import-roster.js';
import { freshnessArgs, runFreshnessReport } from './report-freshness.js';
import { patientAccessArgs, runPatientAccessReport } from './report-patient-access.js';

type Print = (line: string) => void;

async function withRuntime<T>(config: Config, logger: Logger, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(config, logger);
  try {
    return await fn(rt);
  } finally {
    await rt.store.close();
  }
}

/** Opening the store migrates it; this command does only that. */
export async function migrateCommand(config: Config, logger: Logger, print: Print): Promise<void> {
  await withRuntime(config, logger, async (rt) => print(`Database schema is current (${rt.store.dialect}).`));
}

export async function reindexCommand(config: Config, logger: Logger, print: Print, env: string | undefined): Promise<void> {
  if (env !== undefined) environmentNamed(env);
  const n = await withRuntime(config, logger, (rt) => rt.store.reindex(env));
  print(`Reindexed ${n} resources${env ? ` in ${env}` : ''}.`);
}

export async function seedCommand(config: Config, logger: Logger, print: Print, env: string): Promise<void> {
  environmentNamed(env);
  const n = await withRuntime(config, logger, async (rt) => {
    const loaded = await seedSandbox(rt.store, rt.registry, env);
    // Test member sign-ins belong to the sandbox only: production accounts come from the plan.
    // Imported here: member accounts load the authorization server's package (oidc-provider),
    // which the other data commands must not load (it prints a runtime warning on Node 20).
    if (env === 'sandbox') await (await import('../runtime/seed-test-members.js')).seedTestMembers(rt.store, env);
    return loaded;
  });
  print(`Loaded ${n} resources (synthetic directory, formularies and IG examples) into ${env}${env === 'sandbox' ? ', with the test member accounts' : ''}.`);
}

export async function loadCommand(config: Config, logger: Logger, print: Print, file: string | undefined, env: string | undefined): Promise<void> {
  if (file === undefined) throw new UsageError('load needs a FILE (.ndjson or Bundle .json)');
  if (env === undefined) throw new UsageError('load needs --env sandbox|production');
  environmentNamed(env);
  const report = await withRuntime(config, logger, async (rt) => {
    const bases = environmentBases(config.publicUrl);
    const api = createFhirApi({ registry: rt.registry, store: rt.store, environments: bases, defaultCount: config.defaultPageSize, maxCount: config.maxPageSize, writesEnabled: true, logger });
    const baseUrl = bases.find((b) => b.name === env)!.baseUrl;
    return loadFile(file, { store: rt.store, api, types: new Set(rt.registry.resourceTypes()), env, baseUrl });
  });
  print(`Loaded ${report.loaded} resources into ${env}:`);
  for (const [type, n] of Object.entries(report.byType).sort()) print(`  ${type}: ${n}`);
}

/** `import roster ...` or `import formulary ...`; returns the exit code. */
export async function importCommand(config: Config, logger: Logger, print: Print, args: ParsedArgs): Promise<number> {
  if (args.positionals[0] === 'formulary') {
    const f = importFormularyArgs(args);
    environmentNamed(f.env);
    return withRuntime(config, logger, (rt) => runImportFormulary(
      { store: rt.store, registry: rt.registry, validate: profileValidation(createValidator(rt.registry)) }, f, { print, progress: process.stderr },
    ));
  }
  const a = importRosterArgs(args);
  environmentNamed(a.env);
  return withRuntime(config, logger, (rt) => runImportRoster(
    { store: rt.store, registry: rt.registry, validate: profileValidation(createValidator(rt.registry)) }, a, { print, progress: process.stderr },
  ));
}

/** `report directory-freshness|patient-access-metrics ...`; returns the exit code. */
export async function reportCommand(config: Config, logger: Logger, print: Print, args: ParsedArgs): Promise<number> {
  if (args.positionals[0] === 'patient-access-metrics') {
    const p = patientAccessArgs(args);
    environmentNamed(p.env);
    return withRuntime(config, logger, (rt) => runPatientAccessReport(rt.store, p, print));
  }
  const a = freshnessArgs(args, config.directoryFreshnessDays);
  environmentNamed(a.env);
  return withRuntime(config, logger, (rt) => runFreshnessReport(rt.store, a, print));
}

/** The `--env` a command cannot do without, checked to be an environment. */
function requiredEnv(args: ParsedArgs, command: string): string {
  const env = typeof args.flags.env === 'string' ? args.flags.env : undefined;
  if (env === undefined) throw new UsageError(`${command} needs --env sandbox|production`);
  environmentNamed(env);
  return env;
}

/** `clients ...`; returns the exit code. */
export async function clientsCommand(config: Config, logger: Logger, print: Print, args: ParsedArgs): Promise<number> {
  const env = requiredEnv(args, 'clients');
  // Loaded only for this command (and keys): see main.ts.
  const { runClients } = await import('./clients-command.js');
  return withRuntime(config, logger, (rt) => runClients(rt.store, args, env, print));
}

/** `keys rotate --env NAME`; returns the exit code. */
export async function keysCommand(config: Config, logger: Logger, print: Print, args: ParsedArgs): Promise<number> {
  const env = requiredEnv(args, 'keys');
  const { runKeys } = await import('./keys-command.js');
  return withRuntime(config, logger, (rt) => runKeys(rt.store, args, env, print));
}
