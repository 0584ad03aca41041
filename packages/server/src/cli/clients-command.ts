/**
 * `payerport clients create|list|update|rotate-secret|disable|enable`: the registered apps of an
 * environment, from the command line. A new or rotated secret is printed once; the database
 * keeps only its hash.
 */
import { readFileSync } from 'node:fs';
import { ClientRegistryError, createClientRegistry, type ClientView, type IssuedClient } from '@payerport/auth';
import type { Store } from '@payerport/store';
import { UsageError, type ParsedArgs } from './argv.js';

type Print = (line: string) => void;

export const CLIENT_ACTIONS = ['create', 'list', 'update', 'rotate-secret', 'disable', 'enable'] as const;

/**
 * RFC 7591 metadata from the flags (`--name`, `--redirect-uris a,b`, `--auth-method`, `--grant-types a,b`, `--scope`,
 * `--jwks-file`, `--logo-uri`, `--policy-uri`, `--tos-uri`) and the attestation switch `--privacy-policy-attested[=false]`.
 */
export function clientInputFromFlags(flags: ParsedArgs['flags']): Record<string, unknown> {
  const text = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] as string : undefined);
  const list = (name: string): string[] | undefined => text(name)?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const jwksFile = text('jwks-file');
  let jwks: unknown;
  if (jwksFile !== undefined) {
    try {
      jwks = JSON.parse(readFileSync(jwksFile, 'utf8'));
    } catch (error) {
      throw new UsageError(`--jwks-file ${jwksFile}: cannot read a JSON Web Key Set (${(error as Error).message})`);
    }
  }
  const input: Record<string, unknown> = {
    client_name: text('name'),
    redirect_uris: list('redirect-uris'),
    token_endpoint_auth_method: text('auth-method'),
    grant_types: list('grant-types'),
    scope: text('scope'),
    jwks,
    logo_uri: text('logo-uri'),
    policy_uri: text('policy-uri'),
    tos_uri: text('tos-uri'),
    payerport_privacy_policy_attested: attestation(flags['privacy-policy-attested']),
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

function attestation(flag: string | true | undefined): boolean | undefined {
  if (flag === undefined) return undefined;
  if (flag === true || flag === 'true' || flag === 'yes') return true;
  if (flag === 'false' || flag === 'no') return false;
  throw new UsageError(`--privacy-policy-attested takes true or false, not ${flag}`);
}

function show(print: Print, client: ClientView): void {
  const m = client.metadata;
  print(`${client.clientId}  ${client.disabled ? 'DISABLED' : 'active'}  ${String(m.token_endpoint_auth_method)}  ${String(m.client_name ?? '')}`);
  if (m.payerport_privacy_policy_attested === true) print('  privacy policy: attested by the developer');
  const uris = m.redirect_uris as string[] | undefined;
  if (uris !== undefined && uris.length > 0) print(`  redirect URIs: ${uris.join(' ')}`);
}

function issued(print: Print, result: IssuedClient): void {
  show(print, result.client);
  if (result.clientSecret !== undefined) print(`  client secret (shown once, store it now): ${result.clientSecret}`);
}

/** Runs one action; returns the exit code (1 for a refused request). */
export async function runClients(store: Store, args: ParsedArgs, env: string, print: Print): Promise<number> {
  const action = args.positionals[0];
  if (action === undefined || !(CLIENT_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`clients needs one of ${CLIENT_ACTIONS.join(', ')}`);
  }
  const registry = createClientRegistry(store);
  const id = (): string => {
    const clientId = args.positionals[1];
    if (clientId === undefined) throw new UsageError(`clients ${action} needs a CLIENT_ID`);
    return clientId;
  };
  try {
    switch (action) {
      case 'create': issued(print, await registry.create(env, clientInputFromFlags(args.flags))); break;
      case 'update': issued(print, await registry.update(env, id(), { ...(await registry.get(env, id())).metadata, ...clientInputFromFlags(args.flags) })); break;
      case 'rotate-secret': issued(print, await registry.rotateSecret(env, id())); break;
      case 'disable': show(print, await registry.setDisabled(env, id(), true)); break;
      case 'enable': show(print, await registry.setDisabled(env, id(), false)); break;
      default: {
        const clients = await registry.list(env);
        if (args.flags.json === true) print(JSON.stringify(clients, null, 2));
        else for (const client of clients) show(print, client);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ClientRegistryError)) throw error;
    for (const problem of error.problems) print(`error: ${problem}`);
    return 1;
  }
}
