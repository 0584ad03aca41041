/**
 * `payerport keys rotate --env NAME`: a new RS256 signing key for the environment's
 * authorization server; the previous ones are retired (still published in the JWKS, so id_tokens
 * signed with them keep verifying, but no longer used to sign). Running servers pick the new key
 * up when they restart.
 */
import { rotateSigningKey } from '@payerport/auth';
import type { Store } from '@payerport/store';
import { UsageError, type ParsedArgs } from './argv.js';

export async function runKeys(store: Store, args: ParsedArgs, env: string, print: (line: string) => void): Promise<number> {
  const [action, ...extra] = args.positionals;
  if (action !== 'rotate') throw new UsageError(action === undefined ? 'keys needs an action: keys rotate --env NAME' : `Unknown keys action ${JSON.stringify(action)} (known: rotate)`);
  if (extra.length > 0) throw new UsageError(`keys rotate takes no further arguments, got ${extra.join(' ')}`);
  const kid = await rotateSigningKey(store, env);
  print(`${env}: new signing key ${kid}; earlier keys retired (still in the JWKS). Restart running servers to sign with it.`);
  return 0;
}
