/**
 * One authorization server per environment, over the same store: its own issuer, keys, clients
 * and cookies. Dynamic registration is open in the sandbox, and in production only when
 * PRODUCTION_DYNAMIC_REGISTRATION says so.
 */
import { createAuthServer, type AuthServer, type MemberAccounts } from '@payerport/auth';
import type { AuditEvent, Store } from '@payerport/store';
import type { Config } from '../config/config.js';
import type { EnvironmentBase } from './environments.js';

export async function createAuthServers(config: Config, store: Store, members: MemberAccounts, envs: readonly EnvironmentBase[], memberDataTypes: readonly string[], audit?: (event: AuditEvent) => void): Promise<AuthServer[]> {
  const servers: AuthServer[] = [];
  for (const env of envs) {
    servers.push(await createAuthServer({
      store,
      env: env.name,
      issuer: env.issuer,
      fhirBaseUrl: env.baseUrl,
      interactionPath: env.interactionPrefix,
      accountPath: env.accountPrefix,
      members,
      grantLifetimeDays: config.grantLifetimeDays,
      registration: env.name === 'sandbox' || config.productionDynamicRegistration,
      memberDataTypes,
      ...(config.planName === undefined ? {} : { planName: config.planName }),
      timeZone: config.planTimeZone,
      audit,
    }));
  }
  return servers;
}
